import GoTemplate

/// BurntSushi/toml's encoder for template values: top-level scalars first, then tables by key.
enum TOMLEncoder {
    static func encode(_ value: GoValue) -> String {
        guard case .map(let map) = value else { return "" }
        var output = ""
        write(map, path: [], into: &output)
        return output
    }

    private static func isTable(_ value: GoValue) -> Bool {
        if case .map = value { return true }
        return false
    }

    private static func write(_ map: GoMap, path: [String], into output: inout String) {
        let entries = map.sortedEntries
        let indent = String(repeating: "  ", count: max(path.count - 1, 0))
        for (key, value) in entries where !isTable(value) && !value.isNil {
            output += indent + quoteKey(key) + " = " + scalar(value) + "\n"
        }
        for (key, value) in entries {
            guard case .map(let nested) = value else { continue }
            let nestedPath = path + [key]
            output += "\n" + String(repeating: "  ", count: path.count) + "[" + nestedPath.map(quoteKey).joined(separator: ".") + "]\n"
            write(nested, path: nestedPath, into: &output)
        }
    }

    private static func quoteKey(_ key: String) -> String {
        let bare = !key.isEmpty && key.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-") }
        return bare ? key : GoFormat.quote(key)
    }

    private static func scalar(_ value: GoValue) -> String {
        switch value {
        case .string(let string): return GoFormat.quote(string)
        case .bool(let bool): return bool ? "true" : "false"
        case .int, .int64, .uint8: return GoFormat.string(value)
        case .float64(let double):
            if double == double.rounded() && abs(double) < 1e16 { return GoFormat.string(.int64(Int64(double))) + ".0" }
            return GoFormat.string(value)
        case .list(let list): return "[" + list.elements.map(scalar).joined(separator: ", ") + "]"
        default: return GoFormat.quote(GoFormat.string(value))
        }
    }
}
