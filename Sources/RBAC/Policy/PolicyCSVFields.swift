/// Splits a policy line into fields as casbin's CSV reading does (comma separated, a field may be
/// quoted with `"` and then hold commas, `""` is a quote inside quotes), with the whitespace around
/// every field dropped.
enum PolicyCSVFields {
    static func split(_ line: Substring) throws(PolicyIssue) -> [String] {
        var rest = line.unicodeScalars
        var fields: [String] = []
        while true {
            rest = rest.drop(while: isBlank)
            var field = String.UnicodeScalarView()
            if rest.first == "\"" {
                rest.removeFirst()
                while true {
                    guard let scalar = rest.popFirst() else { throw .unterminatedQuote }
                    if scalar == "\"" {
                        guard rest.first == "\"" else { break }
                        rest.removeFirst()
                    }
                    field.append(scalar)
                }
                rest = rest.drop(while: isBlank)
                guard rest.isEmpty || rest.first == "," else { throw .textAfterQuotedField }
            } else {
                let end = rest.firstIndex(of: ",") ?? rest.endIndex
                let raw = rest[..<end]
                if raw.contains("\"") { throw .quoteInUnquotedField }
                if let last = raw.lastIndex(where: { !isBlank($0) }) { field.append(contentsOf: raw[...last]) }
                rest = rest[end...]
            }
            fields.append(String(field))
            guard rest.popFirst() != nil else { return fields }
        }
    }

    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace
    }
}
