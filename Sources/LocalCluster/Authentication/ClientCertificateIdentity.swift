import SwiftASN1
import X509

/// The user a verified client certificate names, as kube-apiserver's x509 authenticator reads it: the
/// subject's common name is the user, each organization a group.
enum ClientCertificateIdentity {
    /// The user, or nil when the certificate cannot be read or has no common name (kube-apiserver then
    /// does not authenticate the request either).
    /// - Parameter der: The certificate, already verified against the cluster CA during the TLS handshake.
    static func user(certificateDER der: [UInt8]) -> UserInfo? {
        guard let certificate = try? Certificate(derEncoded: der) else { return nil }
        var name: String?
        var organizations: [String] = []
        for relativeName in certificate.subject {
            for attribute in relativeName {
                switch attribute.type {
                // The last common name wins, as in Go's crypto/x509.
                case .RDNAttributeType.commonName: name = String(attribute.value)
                case .RDNAttributeType.organizationName: String(attribute.value).map { organizations.append($0) }
                default: break
                }
            }
        }
        guard let name, !name.isEmpty else { return nil }
        return UserInfo(authenticated: name, groups: organizations)
    }
}
