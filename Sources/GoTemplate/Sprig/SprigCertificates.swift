import SwiftASN1
import X509

/// Sprig's key and certificate functions (`crypto.go`): `genPrivateKey`, `genCA`, `genSelfSignedCert`,
/// `genSignedCert` (each also `...WithKey`, taking a PEM key) and `buildCustomCert`.
enum SprigCertificates {
    private static let certificate = GoParameterType.object(SprigCertificate.type)

    static let functions: [GoFunction] = [
        GoFunction("genPrivateKey", [.string]) { a, _ in .string(try SigningKey.generate(type: a.string(0))) },
        GoFunction("buildCustomCert", [.string, .string]) { a, _ in .object(try buildCustom(certificate: a.string(0), key: a.string(1))) },
        GoFunction("genCA", [.string, .int]) { a, _ in
            try make(a, ips: nil, dns: nil, days: 1, isCA: true, key: nil, issuer: nil)
        },
        GoFunction("genCAWithKey", [.string, .int, .string]) { a, _ in
            try make(a, ips: nil, dns: nil, days: 1, isCA: true, key: 2, issuer: nil)
        },
        GoFunction("genSelfSignedCert", [.string, .list, .list, .int]) { a, _ in
            try make(a, ips: 1, dns: 2, days: 3, isCA: false, key: nil, issuer: nil)
        },
        GoFunction("genSelfSignedCertWithKey", [.string, .list, .list, .int, .string]) { a, _ in
            try make(a, ips: 1, dns: 2, days: 3, isCA: false, key: 4, issuer: nil)
        },
        GoFunction("genSignedCert", [.string, .list, .list, .int, certificate]) { a, _ in
            try make(a, ips: 1, dns: 2, days: 3, isCA: false, key: nil, issuer: 4)
        },
        GoFunction("genSignedCertWithKey", [.string, .list, .list, .int, certificate, .string]) { a, _ in
            try make(a, ips: 1, dns: 2, days: 3, isCA: false, key: 5, issuer: 4)
        },
    ]

    /// Runs one of the `gen...Cert` functions on its arguments, given the positions of each parameter.
    private static func make(_ a: [GoValue], ips: Int?, dns: Int?, days: Int, isCA: Bool, key: Int?, issuer: Int?) throws -> GoValue {
        let privateKey: SigningKey
        do {
            privateKey = try key.map { try SigningKey(pem: a.string($0)) } ?? SigningKey.rsa2048()
        } catch let error as GoFunctionError {
            throw GoFunctionError("parsing private key: \(error)")
        } catch is SigningKey.UnsupportedDSA {
            throw unsupportedSigner
        }
        let authority: CertificateFactory.Issuer?
        do {
            authority = try issuer.map { index in
                guard case .object(let object) = a[index], let ca = object as? SprigCertificate else { throw GoFunctionError("unable to decode certificate") }
                return try CertificateFactory.Issuer(ca)
            }
        } catch is SigningKey.UnsupportedDSA {
            throw unsupportedSigner
        }
        let factory = CertificateFactory(
            commonName: a.string(0), ipAddresses: ips.flatMap { a.list($0) } ?? [], dnsNames: dns.flatMap { a.list($0) } ?? [],
            daysValid: a.int(days))
        return .object(try factory.make(key: privateKey, isCA: isCA, issuer: authority))
    }

    /// Go's failure for a DSA key, which it parses but cannot sign with.
    private static let unsupportedSigner = GoFunctionError("error creating certificate: x509: certificate private key does not implement crypto.Signer")

    /// `buildCustomCert`: checks that the base64 PEM certificate and key parse, and returns them.
    private static func buildCustom(certificate: String, key: String) throws -> SprigCertificate {
        guard case .success(let certificateBytes) = Base64.decode(certificate) else { throw GoFunctionError("unable to decode base64 certificate") }
        guard case .success(let keyBytes) = Base64.decode(key) else { throw GoFunctionError("unable to decode base64 private key") }
        let certificateText = String(decoding: certificateBytes, as: UTF8.self), keyText = String(decoding: keyBytes, as: UTF8.self)
        guard let block = PEMBlock.first(in: certificateText) else { throw GoFunctionError("unable to decode certificate") }
        do {
            _ = try Certificate(derEncoded: block.bytes)
        } catch {
            throw GoFunctionError("error parsing certificate: decodedCert.Bytes: \(error)")
        }
        do {
            _ = try SigningKey(pem: keyText)
        } catch let error as GoFunctionError {
            throw GoFunctionError("error parsing private key: \(error)")
        } catch {
            // Go parses DSA keys here without using them.
        }
        return SprigCertificate(cert: certificateText, key: keyText)
    }
}
