import Foundation

/// What an exec credential plugin returned: a token or a client certificate, valid until an optional time.
struct ExecCredential: Sendable {
    var token: String?
    var clientCertificatePEM: [UInt8]?
    var clientKeyPEM: [UInt8]?
    var expiration: Date?

    /// Whether the credential is still good a little while from now (so it does not expire in flight).
    var isFresh: Bool {
        guard let expiration else { return true }
        return expiration.timeIntervalSinceNow > 10
    }
}
