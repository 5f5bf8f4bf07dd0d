import Crypto
import SwiftASN1
import X509
import _CryptoExtras

/// A private key as Sprig reads and writes it: PEM blocks of PKCS #1 (`RSA PRIVATE KEY`), SEC 1
/// (`EC PRIVATE KEY`) or PKCS #8 (`PRIVATE KEY`), with Go's choice of encoding per key type and Go's
/// error messages.
enum SigningKey {
    case rsa(_RSA.Signing.PrivateKey)
    case p256(P256.Signing.PrivateKey)
    case p384(P384.Signing.PrivateKey)
    case p521(P521.Signing.PrivateKey)
    case ed25519(Curve25519.Signing.PrivateKey)

    /// A key Sprig accepts but Wharf cannot sign with: DSA, deprecated and absent from Swift Crypto.
    struct UnsupportedDSA: Error {}

    /// Sprig's `genPrivateKey`: RSA 4096, ECDSA P-256 or Ed25519 as PEM; `Unknown type` for other
    /// names, which Sprig returns as the result.
    static func generate(type: String) throws -> String {
        switch type {
        case "", "rsa": return try SigningKey.rsa(_RSA.Signing.PrivateKey(keySize: .bits4096)).pem()
        case "ecdsa": return try SigningKey.p256(P256.Signing.PrivateKey()).pem()
        case "ed25519": return try SigningKey.ed25519(Curve25519.Signing.PrivateKey()).pem()
        case "dsa": throw GoFunctionError("DSA keys are not supported by Wharf (DSA is deprecated); use \"rsa\", \"ecdsa\" or \"ed25519\"")
        default: return "Unknown type " + type
        }
    }

    /// A new RSA 2048 key, what Sprig's certificate functions generate when given no key.
    static func rsa2048() throws -> SigningKey {
        .rsa(try _RSA.Signing.PrivateKey(keySize: .bits2048))
    }

    /// The key for signing certificates.
    var certificateKey: Certificate.PrivateKey {
        switch self {
        case .rsa(let key): Certificate.PrivateKey(key)
        case .p256(let key): Certificate.PrivateKey(key)
        case .p384(let key): Certificate.PrivateKey(key)
        case .p521(let key): Certificate.PrivateKey(key)
        case .ed25519(let key): Certificate.PrivateKey(key)
        }
    }

    /// Go's `pemBlockForKey`: PKCS #1 for RSA, SEC 1 for ECDSA, PKCS #8 otherwise; ends in a newline.
    func pem() throws -> String {
        let document: PEMDocument
        switch self {
        case .rsa(let key): document = try PEMDocument(pemString: key.pemRepresentation)
        case .p256(let key): document = try Self.sec1(key.rawRepresentation, key.publicKey.x963Representation, curve: [1, 2, 840, 10045, 3, 1, 7])
        case .p384(let key): document = try Self.sec1(key.rawRepresentation, key.publicKey.x963Representation, curve: [1, 3, 132, 0, 34])
        case .p521(let key): document = try Self.sec1(key.rawRepresentation, key.publicKey.x963Representation, curve: [1, 3, 132, 0, 35])
        case .ed25519(let key): document = try PEMDocument(pemString: key.pemRepresentation)
        }
        return document.pemString + "\n"
    }

    /// SEC 1 `ECPrivateKey` with the named curve and the public key, as Go's `MarshalECPrivateKey`.
    private static func sec1(_ privateKey: some Sequence<UInt8>, _ publicKey: some Sequence<UInt8>, curve: ASN1ObjectIdentifier) throws -> PEMDocument {
        var serializer = DER.Serializer()
        try serializer.appendConstructedNode(identifier: .sequence) { coder in
            try coder.serialize(1)
            try coder.serialize(ASN1OctetString(contentBytes: ArraySlice(privateKey)))
            try coder.serialize(curve, explicitlyTaggedWithTagNumber: 0, tagClass: .contextSpecific)
            try coder.serialize(ASN1BitString(bytes: ArraySlice(publicKey)), explicitlyTaggedWithTagNumber: 1, tagClass: .contextSpecific)
        }
        return PEMDocument(type: "EC PRIVATE KEY", derBytes: serializer.serializedBytes)
    }

    /// Go's `parsePrivateKeyPEM`: the first PEM block of `text` as a private key.
    /// - Throws: ``GoFunctionError`` worded as Sprig's, or ``UnsupportedDSA``.
    init(pem text: String) throws {
        guard let block = PEMBlock.first(in: text) else { throw GoFunctionError("no PEM data in input") }
        let pem = PEMDocument(type: block.type, derBytes: block.bytes).pemString
        let context: String
        switch block.type {
        case "PRIVATE KEY": context = "decoding PEM as PKCS#8"
        case "RSA PRIVATE KEY": context = "parsing RSA private key from PEM"
        case "EC PRIVATE KEY": context = "parsing EC private key from PEM"
        case "DSA PRIVATE KEY": throw UnsupportedDSA()
        case let type where type.hasSuffix(" PRIVATE KEY"): throw GoFunctionError("invalid private key type \(type)")
        default: throw GoFunctionError("no private key data in PEM block of type \(block.type)")
        }
        // Go accepts RSA keys below 2048 bits; so do the "unsafe" initialisers.
        if block.type != "EC PRIVATE KEY", let key = try? _RSA.Signing.PrivateKey(unsafePEMRepresentation: pem) {
            self = .rsa(key)
        } else if block.type != "RSA PRIVATE KEY", let key = Self.ellipticCurve(pem) {
            self = key
        } else if block.type == "PRIVATE KEY", let key = try? Curve25519.Signing.PrivateKey(pemRepresentation: pem) {
            self = .ed25519(key)
        } else {
            // Swift Certificates' parser explains what is wrong with the encoding.
            do {
                _ = try Certificate.PrivateKey(pemEncoded: pem)
                throw GoFunctionError("\(context): unsupported key")
            } catch let error as GoFunctionError {
                throw error
            } catch {
                throw GoFunctionError("\(context): \(error)")
            }
        }
    }

    private static func ellipticCurve(_ pem: String) -> SigningKey? {
        if let key = try? P256.Signing.PrivateKey(pemRepresentation: pem) { return .p256(key) }
        if let key = try? P384.Signing.PrivateKey(pemRepresentation: pem) { return .p384(key) }
        if let key = try? P521.Signing.PrivateKey(pemRepresentation: pem) { return .p521(key) }
        return nil
    }
}
