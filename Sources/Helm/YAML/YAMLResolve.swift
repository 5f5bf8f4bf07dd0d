import GoTemplate

/// go-yaml v2's `resolve` for plain scalars: which strings would read back as something else (a bool,
/// a number, null, a timestamp-like float) and so must be quoted when written.
enum YAMLResolve {
    private static let special: Set<String> = [
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL", "~", "",
        ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", "<<",
    ]

    private static let longestSpecial = special.map(\.utf8.count).max() ?? 0

    /// Whether the plain scalar reads back as the string itself.
    static func isPlainString(_ string: String) -> Bool {
        // The length spares hashing longer strings, which are never special.
        if string.utf8.count <= longestSpecial && special.contains(string) { return false }
        guard let first = string.unicodeScalars.first else { return false }
        let numericStart = first == "+" || first == "-" || first == "." || ("0"..."9").contains(first)
        if !numericStart { return true }
        let plain = GoStrings.replacingAll("_", with: "", in: string)
        if Int64(plain) != nil || UInt64(plain) != nil { return false }
        if plain.hasPrefix("0b"), UInt64(plain.dropFirst(2), radix: 2) != nil { return false }
        if plain.hasPrefix("-0b"), UInt64(plain.dropFirst(3), radix: 2) != nil { return false }
        if plain.hasPrefix("0x") || plain.hasPrefix("-0x") || plain.hasPrefix("+0x") {
            let digits = plain.drop(while: { $0 == "-" || $0 == "+" }).dropFirst(2)
            if !digits.isEmpty, UInt64(digits, radix: 16) != nil { return false }
        }
        if plain.count > 1, plain.hasPrefix("0") || plain.hasPrefix("-0") || plain.hasPrefix("+0") {
            let digits = plain.drop(while: { $0 == "-" || $0 == "+" }).dropFirst()
            if !digits.isEmpty, UInt64(digits, radix: 8) != nil { return false }
        }
        if isFloat(plain) { return false }
        // Base-60 numbers (1:20) read as numbers in YAML 1.1.
        if string.contains(":"), isSexagesimal(string) { return false }
        return true
    }

    private static func isFloat(_ text: String) -> Bool {
        // go-yaml's float pattern: ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
        var scalars = Substring(text)
        if scalars.first == "+" || scalars.first == "-" { scalars = scalars.dropFirst() }
        let integerDigits = scalars.prefix(while: { $0.isASCII && $0.isNumber })
        scalars = scalars.dropFirst(integerDigits.count)
        var fractionDigits = 0
        if scalars.first == "." {
            scalars = scalars.dropFirst()
            let fraction = scalars.prefix(while: { $0.isASCII && $0.isNumber })
            fractionDigits = fraction.count
            scalars = scalars.dropFirst(fraction.count)
            if integerDigits.isEmpty && fractionDigits == 0 { return false }
        } else if integerDigits.isEmpty {
            return false
        }
        if let e = scalars.first, e == "e" || e == "E" {
            scalars = scalars.dropFirst()
            if scalars.first == "+" || scalars.first == "-" { scalars = scalars.dropFirst() }
            let exponent = scalars.prefix(while: { $0.isASCII && $0.isNumber })
            if exponent.isEmpty { return false }
            scalars = scalars.dropFirst(exponent.count)
        }
        return scalars.isEmpty
    }

    private static func isSexagesimal(_ text: String) -> Bool {
        var parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count > 1 else { return false }
        if let first = parts.first, first.hasPrefix("-") || first.hasPrefix("+") { parts[0] = first.dropFirst() }
        guard let head = parts.first, !head.isEmpty, head.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "_") }) else { return false }
        for part in parts.dropFirst() {
            let wholePart = part.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            guard let minutes = Int(wholePart[0]), (0...59).contains(minutes), wholePart[0].count <= 2 else { return false }
        }
        return true
    }
}
