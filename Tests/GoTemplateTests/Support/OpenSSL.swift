import Foundation

/// Runs the `openssl` command line tool to inspect PEM keys and certificates.
enum OpenSSL {
    static let executable: String? = ["/usr/bin/openssl", "/usr/local/bin/openssl"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static var isAvailable: Bool { executable != nil }

    /// The PEM blocks of a text, in order.
    static func pemBlocks(_ text: String) -> [(type: String, text: String)] {
        let pattern = /-----BEGIN ([A-Z ]+)-----\n[A-Za-z0-9+\/=\n]+-----END \1-----\n/
        return text.matches(of: pattern).map { (String($0.output.1), String($0.output.0)) }
    }

    /// `openssl asn1parse`, reduced to what does not vary between two keys or certificates made the same
    /// way: nesting depth, tags, object identifiers, names, flags and short integers (versions,
    /// exponents); offsets, lengths, long integers, bit strings, octet strings and times are dropped.
    static func structure(_ pem: String) throws -> [String] {
        let output = try Command.run(executable!, ["asn1parse"], input: pem)
        return output.split(separator: "\n").map { line in
            let fields = line.split(separator: ":", maxSplits: 1)
            guard fields.count == 2 else { return String(line) }
            // "d=2  hl=2 l=  16 prim: INTEGER           :7897A9..."
            let body = fields[1]
            let depth = body.split(separator: " ").first.map(String.init) ?? ""
            let length = Int(body.firstMatch(of: #/ l=\s*(\d+)/#).map { String($0.output.1) } ?? "") ?? 0
            guard let kind = body.firstRange(of: #/(prim|cons): /#) else { return depth }
            let rest = body[kind.lowerBound...]
            let parts = rest.split(separator: ":", maxSplits: 2).map { $0.trimmingCharacters(in: .whitespaces) }
            let tag = parts.count > 1 ? parts[0] + ": " + parts[1] : parts[0]
            let value = parts.count > 2 ? parts[2] : ""
            let keepsValue = ["OBJECT", "PRINTABLESTRING", "UTF8STRING", "BOOLEAN"].contains { tag.hasSuffix($0) } || (tag.hasSuffix("INTEGER") && length <= 3)
            return depth + " " + tag + (keepsValue ? " " + value : "")
        }
    }

    /// `openssl x509 -text` without the parts that differ between two certificates made the same way:
    /// hex dumps (keys, signatures, key identifiers), the serial number and the validity dates.
    static func certificateText(_ pem: String) throws -> [String] {
        let output = try Command.run(executable!, ["x509", "-noout", "-text"], input: pem)
        return output.split(separator: "\n").map(String.init).filter { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.wholeMatch(of: /([0-9a-fA-F]{2}:)*[0-9a-fA-F]{2}:?/) != nil { return false }
            return !trimmed.hasPrefix("Not Before") && !trimmed.hasPrefix("Not After") && !trimmed.hasPrefix("Serial Number")
        }
    }

    /// Whether `certificate` verifies with `issuer` as the only trusted certificate.
    static func verifies(_ certificate: String, issuedBy issuer: String) throws -> Bool {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-openssl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let ca = directory.appendingPathComponent("ca.pem"), leaf = directory.appendingPathComponent("leaf.pem")
        try issuer.write(to: ca, atomically: true, encoding: .utf8)
        try certificate.write(to: leaf, atomically: true, encoding: .utf8)
        return try Command.run(executable!, ["verify", "-CAfile", ca.path, leaf.path]).hasSuffix(": OK\n")
    }

    /// The public key of a certificate, in PEM.
    static func publicKey(ofCertificate pem: String) throws -> String {
        try Command.run(executable!, ["x509", "-noout", "-pubkey"], input: pem)
    }

    /// The public key of a private key, in PEM.
    static func publicKey(ofPrivateKey pem: String) throws -> String {
        try Command.run(executable!, ["pkey", "-pubout"], input: pem)
    }
}
