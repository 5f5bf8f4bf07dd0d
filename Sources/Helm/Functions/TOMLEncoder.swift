import GoTemplate

/// BurntSushi/toml's encoder as Helm's `toToml` uses it: in each table the plain keys first, then the
/// tables and arrays of tables, each group in key order; headers and keys indented two spaces per
/// level of nesting; a blank line before top-level tables and before each array-of-tables entry; nil
/// values left out.
enum TOMLEncoder {
    static func encode(_ value: GoValue) -> String {
        var writer = Writer()
        if case .map(let map) = value {
            writer.table(map, key: [])
        } else {
            writer.output = element(value)
        }
        return writer.output
    }

    private struct Writer {
        var output = ""

        /// A line break, unless nothing has been written yet.
        mutating func newline() {
            if !output.isEmpty { output += "\n" }
        }

        mutating func value(_ value: GoValue, key: [String]) {
            switch value {
            case .map(let map):
                table(map, key: key)
            case .list(let list) where TOMLEncoder.isTableArray(list):
                for case .map(let map) in list.elements {
                    newline()
                    output += TOMLEncoder.indent(key) + "[[" + TOMLEncoder.path(key) + "]]"
                    newline()
                    entries(map, key: key)
                }
            default:
                output += TOMLEncoder.indent(key) + TOMLEncoder.quoteKey(key[key.count - 1]) + " = " + TOMLEncoder.element(value)
                newline()
            }
        }

        mutating func table(_ map: GoMap, key: [String]) {
            if key.count == 1 { newline() }
            if !key.isEmpty {
                output += TOMLEncoder.indent(key) + "[" + TOMLEncoder.path(key) + "]"
                newline()
            }
            entries(map, key: key)
        }

        mutating func entries(_ map: GoMap, key: [String]) {
            let sorted = map.sortedEntries.filter { !$0.value.isNil }
            for (name, value) in sorted where !TOMLEncoder.isTable(value) { self.value(value, key: key + [name]) }
            for (name, value) in sorted where TOMLEncoder.isTable(value) { self.value(value, key: key + [name]) }
        }
    }

    private static func isTable(_ value: GoValue) -> Bool {
        switch value {
        case .map: true
        case .list(let list): isTableArray(list)
        default: false
        }
    }

    private static func isTableArray(_ list: GoList) -> Bool {
        !list.elements.isEmpty && list.elements.allSatisfy { if case .map = $0 { true } else { false } }
    }

    private static func indent(_ key: [String]) -> String {
        String(repeating: "  ", count: max(key.count - 1, 0))
    }

    private static func path(_ key: [String]) -> String {
        key.map(quoteKey).joined(separator: ".")
    }

    private static func quoteKey(_ key: String) -> String {
        let bare = !key.isEmpty && key.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-") }
        return bare ? key : quote(key)
    }

    /// A basic string: quotes, backslashes and control characters escaped; other text as is.
    private static func quote(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\u{08}": output += "\\b"
            case "\t": output += "\\t"
            case "\n": output += "\\n"
            case "\u{0C}": output += "\\f"
            case "\r": output += "\\r"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                output += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }

    /// A value on the right of `=`, or inside an array or inline table.
    private static func element(_ value: GoValue) -> String {
        switch value {
        case .string(let string): return quote(string)
        case .bool(let bool): return bool ? "true" : "false"
        case .int, .int64, .uint8: return GoFormat.string(value)
        case .float64(let double):
            if double.isNaN { return "nan" }
            if double.isInfinite { return double < 0 ? "-inf" : "inf" }
            // Go's shortest form, made a float when it would read as an integer.
            let text = GoFormat.string(value)
            return text.contains(where: { $0 == "." || $0 == "e" }) ? text : text + ".0"
        case .list(let list): return "[" + list.elements.map(element).joined(separator: ", ") + "]"
        case .map(let map):
            let sorted = map.sortedEntries.filter { !$0.value.isNil }
            let ordered = sorted.filter { !isTable($0.value) } + sorted.filter { isTable($0.value) }
            return "{" + ordered.map { quoteKey($0.key) + " = " + element($0.value) }.joined(separator: ", ") + "}"
        default: return quote(GoFormat.string(value))
        }
    }
}
