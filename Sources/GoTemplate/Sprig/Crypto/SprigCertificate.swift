/// Sprig's `certificate` struct, what `genCA`, `genSelfSignedCert`, `genSignedCert` and
/// `buildCustomCert` return: a PEM certificate and its PEM private key, as `.Cert` and `.Key`.
struct SprigCertificate: GoObject, GoJSONEncodable {
    /// The certificate, PEM-encoded.
    let cert: String
    /// The private key, PEM-encoded.
    let key: String

    static let type = GoType(name: "sprig.certificate", kind: .struct)

    var goType: GoType { Self.type }

    func member(named name: String) -> GoMember? {
        switch name {
        case "Cert": .field(.string(cert))
        case "Key": .field(.string(key))
        default: nil
        }
    }

    var defaultFormat: String { "{\(cert) \(key)}" }

    func isEqual(to other: any GoObject) -> Bool? {
        guard let other = other as? SprigCertificate else { return nil }
        return cert == other.cert && key == other.key
    }

    var jsonValue: GoValue { .map(GoMap(["Cert": .string(cert), "Key": .string(key)])) }
}
