/// Go's `encoding/json` for template values: `Marshal` (sorted map keys, HTML-safe escaping, Go's float
/// formatting), `MarshalIndent`, the encoder without HTML escaping, and `Unmarshal` into `interface{}`
/// (objects become `map[string]interface{}`, numbers `float64`).
public enum GoJSON {
    /// A value Go's encoder rejects (NaN, infinities, functions), with Go's message.
    public struct EncodingError: Error, CustomStringConvertible, Sendable {
        public let description: String

        /// Creates an error with the given message.
        public init(description: String) {
            self.description = description
        }
    }

    /// A document Go's decoder rejects, with Go's message.
    public struct DecodingError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// `json.Marshal`, or `json.MarshalIndent(v, "", indent)` when `indent` is given.
    public static func encode(_ value: GoValue, indent: String? = nil, escapeHTML: Bool = true) throws(EncodingError) -> String {
        var output = ""
        try encode(value, into: &output, indent: indent, level: 0, escapeHTML: escapeHTML)
        return output
    }

    /// Stops an encoding past the default output limit, which a value nested in itself many times over
    /// would otherwise reach only after exhausting memory.
    private static func checkLimit(_ output: String) throws(EncodingError) {
        if output.utf8.count > TemplateLimits.defaultMaxOutputBytes {
            throw EncodingError(description: "json: output exceeds the limit of \(TemplateLimits.defaultMaxOutputBytes) bytes")
        }
    }

    private static func newline(_ output: inout String, _ indent: String?, _ level: Int) {
        guard let indent else { return }
        output += "\n"
        for _ in 0..<level { output += indent }
    }

    private static func encode(_ value: GoValue, into output: inout String, indent: String?, level: Int, escapeHTML: Bool) throws(EncodingError) {
        switch value {
        case .noValue, .null:
            output += "null"
        case .bool(let bool):
            output += bool ? "true" : "false"
        case .int, .int64, .uint8:
            output += String(value.integerValue!)
        case .float64(let double):
            output += try formatFloat(double)
        case .string(let string):
            appendQuoted(string, to: &output, escapeHTML: escapeHTML)
        case .list(let list):
            if list.elements.isEmpty {
                output += "[]"
                return
            }
            output += "["
            for (index, element) in list.elements.enumerated() {
                try checkLimit(output)
                if index > 0 { output += "," }
                newline(&output, indent, level + 1)
                try encode(element, into: &output, indent: indent, level: level + 1, escapeHTML: escapeHTML)
            }
            newline(&output, indent, level)
            output += "]"
        case .map(let map):
            let entries = map.sortedEntries
            if entries.isEmpty {
                output += "{}"
                return
            }
            output += "{"
            for (index, entry) in entries.enumerated() {
                try checkLimit(output)
                if index > 0 { output += "," }
                newline(&output, indent, level + 1)
                appendQuoted(entry.key, to: &output, escapeHTML: escapeHTML)
                output += indent == nil ? ":" : ": "
                try encode(entry.value, into: &output, indent: indent, level: level + 1, escapeHTML: escapeHTML)
            }
            newline(&output, indent, level)
            output += "}"
        case .object(let object):
            if let encodable = object as? any GoJSONEncodable {
                try encode(encodable.jsonValue, into: &output, indent: indent, level: level, escapeHTML: escapeHTML)
            } else if object.goType.kind == .func {
                throw EncodingError(description: "json: unsupported type: \(object.goType.name)")
            } else if object.isNil {
                output += "null"
            } else {
                output += "{}"
            }
        }
    }

    /// Go's float encoding: shortest digits, exponent form below 1e-6 and from 1e21, `e-7` not `e-07`.
    public static func formatFloat(_ double: Double) throws(EncodingError) -> String {
        if double.isNaN || double.isInfinite {
            throw EncodingError(description: "json: unsupported value: \(GoFloatFormat.format(double, "g", precision: -1))")
        }
        let magnitude = abs(double)
        let exponential = magnitude != 0 && (magnitude < 1e-6 || magnitude >= 1e21)
        var text = GoFloatFormat.format(double, exponential ? "e" : "f", precision: -1)
        if exponential, let range = text.firstRange(of: "e-0") {
            text.replaceSubrange(range, with: "e-")
        }
        return text
    }

    /// Go's JSON string quoting.
    public static func appendQuoted(_ string: String, to output: inout String, escapeHTML: Bool = true) {
        output += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case "<", ">", "&":
                if escapeHTML {
                    output += "\\u00" + GoQuote.hex(scalar.value, width: 2)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            case "\u{2028}", "\u{2029}":
                output += "\\u" + GoQuote.hex(scalar.value, width: 4)
            default:
                if scalar.value < 0x20 {
                    output += "\\u00" + GoQuote.hex(scalar.value, width: 2)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }

    /// `json.Unmarshal` into an `interface{}`.
    public static func decode(_ text: String) throws(DecodingError) -> GoValue {
        var parser = GoJSONParser(bytes: Array(text.utf8))
        return try parser.document()
    }
}

/// A Go type with its own `MarshalJSON` (`time.Time`, `*semver.Version`): the value it encodes as.
public protocol GoJSONEncodable {
    /// The value the object encodes as.
    var jsonValue: GoValue { get }
}
