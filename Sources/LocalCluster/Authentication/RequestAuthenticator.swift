import Foundation

/// Finds who sent a request, as kube-apiserver's authenticators do: a bearer token (the admin token, one
/// from the static token file, or a service-account token Secret's), else a client certificate signed by the cluster CA.
///
/// kube-apiserver tries the client certificate first; here the token goes first because reading the
/// certificate costs a hop to the connection's event loop, which token requests, the common case, need
/// not pay. Only a request carrying both a valid token and a valid certificate sees the difference.
struct RequestAuthenticator: Sendable {
    /// The data directory's admin token (`wharf-admin`, `system:masters`).
    let adminToken: String
    /// The static token file, when configured.
    let tokenFile: TokenFile?
    /// The tokens of service-account token Secrets.
    let serviceAccountTokens: ServiceAccountTokens

    /// Authenticates one request.
    /// - Parameters:
    ///   - authorization: The `Authorization` header.
    ///   - clientCertificate: Reads the DER bytes of the client certificate the TLS handshake verified.
    func authenticate(authorization: String?, clientCertificate: () async -> [UInt8]?) async -> Authentication {
        let token = Self.bearerToken(authorization)
        if let token {
            if Self.constantTimeEquals(token, adminToken) { return .user(.admin) }
            if let user = tokenFile?.user(for: token) { return .user(user) }
            if let user = serviceAccountTokens.user(for: token) { return .user(user) }
        }
        if let der = await clientCertificate(), let user = ClientCertificateIdentity.user(certificateDER: der) {
            return .user(user)
        }
        return token == nil ? .anonymous : .rejected
    }

    /// The token of `Authorization: Bearer TOKEN` (the scheme in any case), as kube-apiserver reads it.
    private static func bearerToken(_ header: String?) -> String? {
        guard let header else { return nil }
        let parts = header.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0].lowercased() == "bearer", !parts[1].isEmpty else { return nil }
        return String(parts[1])
    }

    /// Compares without returning early, so that response times do not reveal how much of the admin
    /// token a guess got right.
    private static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        guard lhs.utf8.count == rhs.utf8.count else { return false }
        var difference: UInt8 = 0
        for (left, right) in zip(lhs.utf8, rhs.utf8) { difference |= left ^ right }
        return difference == 0
    }
}
