/// Decides what a plain (unquoted) YAML scalar means, the way Kubernetes' YAML decoder does.
///
/// kubectl and the API server decode YAML with go-yaml v2 rules (YAML 1.1 flavoured): `yes`/`no`/`on`/
/// `off`/`y`/`n` are booleans, integers may be written in hex, octal (`0644`) or with `_` separators,
/// and timestamps stay strings. Wharf resolves the same way so that a manifest means the same thing
/// here as it does to kubectl.
enum YAMLScalarResolver {
    enum Resolution: Equatable {
        case value(JSONValue)
        case notRepresentable(String)
    }

    private static let trueWords: Set<String> = ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]
    private static let falseWords: Set<String> = ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"]
    private static let nullWords: Set<String> = ["", "~", "null", "Null", "NULL"]
    private static let specialFloats: Set<String> = [
        ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
    ]

    /// The meaning of an untagged plain scalar.
    static func resolvePlain(_ text: String) -> Resolution {
        if trueWords.contains(text) { return .value(.bool(true)) }
        if falseWords.contains(text) { return .value(.bool(false)) }
        if nullWords.contains(text) { return .value(.null) }
        if specialFloats.contains(text) {
            return .notRepresentable("\(text) (infinity or NaN) cannot be represented in JSON; quote it to make it a string")
        }
        guard let first = text.utf8.first,
            first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == UInt8(ascii: ".")
                || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9"))
        else { return .value(.string(text)) }
        if let number = integer(text) { return .value(.number(number)) }
        if let number = float(text) { return .value(.number(number)) }
        return .value(.string(text))
    }

    /// The meaning of a scalar with an explicit core-schema tag (`!!int`, `!!bool`, ...).
    static func resolveTagged(_ text: String, tag: String) -> Resolution? {
        switch tag {
        case "tag:yaml.org,2002:str": return .value(.string(text))
        case "tag:yaml.org,2002:null": return .value(.null)
        case "tag:yaml.org,2002:bool":
            if trueWords.contains(text) { return .value(.bool(true)) }
            if falseWords.contains(text) { return .value(.bool(false)) }
            return .notRepresentable("\"\(text)\" is not a boolean")
        case "tag:yaml.org,2002:int":
            if let number = integer(text) { return .value(.number(number)) }
            return .notRepresentable("\"\(text)\" is not an integer")
        case "tag:yaml.org,2002:float":
            if let number = integer(text) ?? float(text) { return .value(.number(number)) }
            return .notRepresentable("\"\(text)\" is not a number")
        default: return nil
        }
    }

    /// Integers as Go's `strconv.ParseInt(s, 0, 64)` reads them after dropping `_`.
    private static func integer(_ text: String) -> JSONNumber? {
        var digits = Substring(text.replacingUnderscores())
        var negative = false
        if digits.hasPrefix("+") {
            digits = digits.dropFirst()
        } else if digits.hasPrefix("-") {
            negative = true
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, !digits.hasPrefix("+"), !digits.hasPrefix("-") else { return nil }
        var radix = 10
        if digits.hasPrefix("0x") || digits.hasPrefix("0X") {
            radix = 16
            digits = digits.dropFirst(2)
        } else if digits.hasPrefix("0o") || digits.hasPrefix("0O") {
            radix = 8
            digits = digits.dropFirst(2)
        } else if digits.hasPrefix("0b") || digits.hasPrefix("0B") {
            radix = 2
            digits = digits.dropFirst(2)
        } else if digits.count > 1 && digits.hasPrefix("0") {
            radix = 8
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, let magnitude = UInt64(digits, radix: radix) else { return nil }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == 0 ? JSONNumber(0) : JSONNumber(validatedLiteral: "-" + String(magnitude))
        }
        return JSONNumber(magnitude)
    }

    /// Floats matching go-yaml's pattern `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`.
    private static func float(_ text: String) -> JSONNumber? {
        let bytes = Array(text.utf8)
        var index = 0
        func digitsRun() -> Int {
            let start = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
            return index - start
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
        let integerDigits = digitsRun()
        var fractionDigits = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            fractionDigits = digitsRun()
            if integerDigits == 0 && fractionDigits == 0 { return nil }
        } else if integerDigits == 0 {
            return nil
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digitsRun() > 0 else { return nil }
        }
        guard index == bytes.count else { return nil }
        // Keep the literal when it is already valid JSON; otherwise (`+1.5`, `.5`, `1.`) write it canonically.
        if let parsed = try? JSONParser.parse(text), case .number(let number) = parsed { return number }
        guard let value = Double(text.hasPrefix("+") ? String(text.dropFirst()) : text), value.isFinite else { return nil }
        return JSONNumber(value)
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String {
        contains("_") ? String(filter { $0 != "_" }) : self
    }
}
