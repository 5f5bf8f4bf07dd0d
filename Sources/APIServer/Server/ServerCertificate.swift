import Crypto
import Foundation
import KubeClient
import KubeModel
import SwiftASN1
import X509

/// The API server's TLS certificate and key (PEM): `tls.crt`/`tls.key` of Secret
/// `argocd-server-tls` when it exists, as upstream reads it; otherwise a self-signed one made at
/// start for `localhost` and the loopback addresses.
struct ServerCertificate: Sendable {
    static let secretName = "argocd-server-tls"

    var certificatePEM: String
    var keyPEM: String

    static func load(client: KubeClient, namespace: String) async throws -> ServerCertificate {
        do {
            let secret = try await client.get(SecretDataWriter.secrets, namespace: namespace, name: secretName)
            let data = ServerSettings.decodedData(secret)
            if let certificate = data["tls.crt"], let key = data["tls.key"], !certificate.isEmpty, !key.isEmpty {
                return ServerCertificate(certificatePEM: certificate, keyPEM: key)
            }
        } catch {
            guard error.category == .notFound else { throw error }
        }
        return try selfSigned()
    }

    static func selfSigned(now: Date = Date()) throws -> ServerCertificate {
        let key = P256.Signing.PrivateKey()
        let name = try DistinguishedName {
            OrganizationName("Wharf")
            CommonName("localhost")
        }
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(key.publicKey),
            notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(365 * 86400),
            issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(KeyUsage(digitalSignature: true, keyEncipherment: true))
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames([
                    .dnsName("localhost"), .dnsName("argocd-server"),
                    .ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1])),
                    .ipAddress(ASN1OctetString(contentBytes: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])),
                ])
            },
            issuerPrivateKey: .init(key))
        return ServerCertificate(certificatePEM: try certificate.serializeAsPEM().pemString, keyPEM: key.pemRepresentation)
    }
}
