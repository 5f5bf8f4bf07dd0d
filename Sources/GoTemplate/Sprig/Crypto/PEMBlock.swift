/// Go's `pem.Decode`, for the first block only: its type and its decoded bytes.
struct PEMBlock {
    let type: String
    let bytes: [UInt8]

    /// The first well-formed `-----BEGIN TYPE-----` ... `-----END TYPE-----` block in `text`.
    static func first(in text: String) -> PEMBlock? {
        var rest = Substring(text)
        while let begin = rest.firstRange(of: "-----BEGIN ") {
            rest = rest[begin.upperBound...]
            guard let typeEnd = rest.firstRange(of: "-----") else { return nil }
            let type = String(rest[..<typeEnd.lowerBound])
            let body = rest[typeEnd.upperBound...]
            guard !type.contains("\n"), let end = body.firstRange(of: "-----END " + type + "-----") else { continue }
            // Headers ("Proc-Type: ...") are not used by the key and certificate formats Sprig reads.
            let encoded = body[..<end.lowerBound].filter { !$0.isWhitespace }
            guard case .success(let bytes) = Base64.decode(String(encoded)) else { continue }
            return PEMBlock(type: type, bytes: bytes)
        }
        return nil
    }
}
