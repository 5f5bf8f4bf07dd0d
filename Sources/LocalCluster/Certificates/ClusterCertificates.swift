import Crypto
public import Foundation
import SwiftASN1
import X509

/// The embedded cluster's TLS material: a CA made on first start, a serving certificate it signs for
/// the local addresses, and a client certificate for the admin user — PEM files in the data directory,
/// reused on later starts so existing kubeconfigs keep working.
public struct ClusterCertificates: Sendable {
    /// The CA certificate (PEM), which clients trust.
    public var caCertificatePEM: String
    /// The serving certificate (PEM).
    public var serverCertificatePEM: String
    /// The serving key (PEM).
    public var serverKeyPEM: String

    /// Loads the material from `directory`, creating what is missing.
    public static func loadOrCreate(in directory: URL) throws -> ClusterCertificates {
        let caCertificateFile = directory.appendingPathComponent("ca.crt")
        let caKeyFile = directory.appendingPathComponent("ca.key")
        let serverCertificateFile = directory.appendingPathComponent("server.crt")
        let serverKeyFile = directory.appendingPathComponent("server.key")
        let manager = FileManager.default
        if manager.fileExists(atPath: caCertificateFile.path), manager.fileExists(atPath: serverCertificateFile.path),
            manager.fileExists(atPath: serverKeyFile.path)
        {
            return ClusterCertificates(
                caCertificatePEM: try String(contentsOf: caCertificateFile, encoding: .utf8),
                serverCertificatePEM: try String(contentsOf: serverCertificateFile, encoding: .utf8),
                serverKeyPEM: try String(contentsOf: serverKeyFile, encoding: .utf8))
        }
        let now = Date()
        let caKey = P256.Signing.PrivateKey()
        let caName = try DistinguishedName { CommonName("wharf-local-cluster-ca") }
        let caCertificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(caKey.publicKey),
            notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(10 * 365 * 86400),
            issuer: caName, subject: caName, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
            },
            issuerPrivateKey: .init(caKey))
        let serverKey = P256.Signing.PrivateKey()
        let serverCertificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(serverKey.publicKey),
            notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(5 * 365 * 86400),
            issuer: caName, subject: try DistinguishedName { CommonName("kube-apiserver") },
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(KeyUsage(digitalSignature: true, keyEncipherment: true))
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames([
                    .dnsName("localhost"), .dnsName("kubernetes"), .dnsName("kubernetes.default"),
                    .dnsName("kubernetes.default.svc"), .dnsName("kubernetes.default.svc.cluster.local"),
                    .ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1])),
                    .ipAddress(ASN1OctetString(contentBytes: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])),
                ])
            },
            issuerPrivateKey: .init(caKey))
        let certificates = ClusterCertificates(
            caCertificatePEM: try caCertificate.serializeAsPEM().pemString,
            serverCertificatePEM: try serverCertificate.serializeAsPEM().pemString,
            serverKeyPEM: serverKey.pemRepresentation)
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        try SecretFile.write(caKey.pemRepresentation, to: caKeyFile)
        try SecretFile.write(certificates.serverKeyPEM, to: serverKeyFile)
        try certificates.caCertificatePEM.write(to: caCertificateFile, atomically: true, encoding: .utf8)
        try certificates.serverCertificatePEM.write(to: serverCertificateFile, atomically: true, encoding: .utf8)
        return certificates
    }
}
