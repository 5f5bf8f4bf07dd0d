import Crypto
import Foundation
import SwiftASN1
import X509

/// Builds certificates as Sprig's `getBaseCertTemplate` and Go's `x509.CreateCertificate` do: a
/// random 128-bit serial, the common name as the only subject attribute, validity from now, server and
/// client authentication, and Go's choice of extensions (subject key identifier on CAs only, authority
/// key identifier from the issuer's, alternative names critical when the subject is empty).
struct CertificateFactory {
    /// The subject's common name.
    let commonName: String
    /// `ips`: each must be a string holding an IP address.
    let ipAddresses: [GoValue]
    /// `alternateDNS`: each must be a string.
    let dnsNames: [GoValue]
    /// `daysValid`.
    let daysValid: Int

    /// The issuing certificate authority, parsed from a Sprig `certificate`.
    struct Issuer {
        let certificate: Certificate
        let key: SigningKey

        /// Parses `ca.Cert` and `ca.Key`, with Sprig's messages.
        init(_ ca: SprigCertificate) throws {
            guard let block = PEMBlock.first(in: ca.cert) else { throw GoFunctionError("unable to decode certificate") }
            do {
                certificate = try Certificate(derEncoded: block.bytes)
            } catch {
                throw GoFunctionError("error parsing certificate: decodedSignerCert.Bytes: \(error)")
            }
            do {
                key = try SigningKey(pem: ca.key)
            } catch let error as GoFunctionError {
                throw GoFunctionError("error parsing private key: \(error)")
            }
        }
    }

    /// Go's ASN.1 encoder writes strings as PrintableString when their characters allow it.
    private static func commonNameAttribute(_ name: String) -> RelativeDistinguishedName.Attribute {
        (try? RelativeDistinguishedName.Attribute(type: .RDNAttributeType.commonName, printableString: name))
            ?? RelativeDistinguishedName.Attribute(type: .RDNAttributeType.commonName, utf8String: name)
    }

    /// Creates the certificate for `key`, signed by `issuer` or self-signed, and returns it with the key.
    func make(key: SigningKey, isCA: Bool, issuer: Issuer?) throws -> SprigCertificate {
        let addresses = try ipAddresses.map { value in
            guard case .string(let text) = value else { throw GoFunctionError("error parsing ip: \(GoFormatter.string(value)) is not a string") }
            guard let bytes = GoIP.parse(text) else { throw GoFunctionError("error parsing ip: \(text)") }
            return bytes
        }
        let names = try dnsNames.map { value in
            guard case .string(let text) = value else {
                throw GoFunctionError("error processing alternate dns name: \(GoFormatter.string(value)) is not a string")
            }
            return text
        }
        var generator = SystemRandomNumberGenerator()
        let serial = Certificate.SerialNumber(bytes: (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
        // Certificates carry whole seconds.
        let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        let subject = commonName.isEmpty ? DistinguishedName() : DistinguishedName([RelativeDistinguishedName(Self.commonNameAttribute(commonName))])
        let issuerName = issuer?.certificate.subject ?? subject
        let publicKey = key.certificateKey.publicKey
        let signingKey = (issuer?.key ?? key).certificateKey

        var usage = KeyUsage(digitalSignature: true, keyEncipherment: true)
        usage.keyCertSign = isCA
        var extensions = Certificate.Extensions()
        do {
            try extensions.append(Certificate.Extension(usage, critical: true))
            try extensions.append(Certificate.Extension(ExtendedKeyUsage([.serverAuth, .clientAuth]), critical: false))
            try extensions.append(Certificate.Extension(isCA ? BasicConstraints.isCertificateAuthority(maxPathLength: nil) : .notCertificateAuthority, critical: true))
            if isCA {
                // Go derives the identifier from the first 160 bits of the SHA-256 of the public key.
                let digest = SHA256.hash(data: Array(publicKey.subjectPublicKeyInfoBytes))
                try extensions.append(Certificate.Extension(SubjectKeyIdentifier(keyIdentifier: ArraySlice(digest.prefix(20))), critical: false))
            }
            if let issuer, issuerName != subject, let identifier = try issuer.certificate.extensions.subjectKeyIdentifier {
                try extensions.append(Certificate.Extension(AuthorityKeyIdentifier(keyIdentifier: identifier.keyIdentifier), critical: false))
            }
            if !names.isEmpty || !addresses.isEmpty {
                let alternatives = SubjectAlternativeNames(names.map { .dnsName($0) } + addresses.map { .ipAddress(ASN1OctetString(contentBytes: $0[...])) })
                try extensions.append(Certificate.Extension(alternatives, critical: commonName.isEmpty))
            }
        } catch {
            throw GoFunctionError("error creating certificate: \(error)")
        }
        let certificate: Certificate
        do {
            certificate = try Certificate(
                version: .v3, serialNumber: serial, publicKey: publicKey, notValidBefore: now,
                notValidAfter: now.addingTimeInterval(Double(daysValid) * 86400), issuer: issuerName, subject: subject,
                extensions: extensions, issuerPrivateKey: signingKey)
        } catch {
            throw GoFunctionError("error creating certificate: \(error)")
        }
        var serializer = DER.Serializer()
        do {
            try serializer.serialize(certificate)
        } catch {
            throw GoFunctionError("error pem-encoding certificate: \(error)")
        }
        let pem = PEMDocument(type: "CERTIFICATE", derBytes: serializer.serializedBytes).pemString + "\n"
        return SprigCertificate(cert: pem, key: try key.pem())
    }
}
