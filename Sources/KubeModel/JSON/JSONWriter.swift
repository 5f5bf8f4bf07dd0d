/// Writes a ``JSONValue`` as JSON text, keeping member order and number literals.
public enum JSONWriter {
    /// How the text is laid out.
    public enum Style: Sendable {
        /// No whitespace at all: for wire formats and hashing.
        case compact
        /// One member per line with the given indent width (kubectl's `-o json` uses 4).
        case pretty(indent: Int)
    }

    /// The JSON text of `value`.
    public static func string(_ value: JSONValue, style: Style = .compact) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        switch style {
        case .compact: writeCompact(value, into: &output)
        case .pretty(let indent): writePretty(value, indent: indent, level: 0, into: &output)
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func writeCompact(_ value: JSONValue, into output: inout [UInt8]) {
        switch value {
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                writeCompact(element, into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            var first = true
            for (key, member) in members {
                if !first { output.append(UInt8(ascii: ",")) }
                first = false
                writeString(key, into: &output)
                output.append(UInt8(ascii: ":"))
                writeCompact(member, into: &output)
            }
            output.append(UInt8(ascii: "}"))
        default:
            writeScalar(value, into: &output)
        }
    }

    private static func writePretty(_ value: JSONValue, indent: Int, level: Int, into output: inout [UInt8]) {
        switch value {
        case .array(let elements) where !elements.isEmpty:
            output.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent: indent * (level + 1), into: &output)
                writePretty(element, indent: indent, level: level + 1, into: &output)
            }
            newline(indent: indent * level, into: &output)
            output.append(UInt8(ascii: "]"))
        case .object(let members) where !members.isEmpty:
            output.append(UInt8(ascii: "{"))
            var first = true
            for (key, member) in members {
                if !first { output.append(UInt8(ascii: ",")) }
                first = false
                newline(indent: indent * (level + 1), into: &output)
                writeString(key, into: &output)
                output.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: " ")])
                writePretty(member, indent: indent, level: level + 1, into: &output)
            }
            newline(indent: indent * level, into: &output)
            output.append(UInt8(ascii: "}"))
        case .array: output.append(contentsOf: Array("[]".utf8))
        case .object: output.append(contentsOf: Array("{}".utf8))
        default: writeScalar(value, into: &output)
        }
    }

    private static func newline(indent: Int, into output: inout [UInt8]) {
        output.append(0x0A)
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
    }

    private static func writeScalar(_ value: JSONValue, into output: inout [UInt8]) {
        switch value {
        case .null: output.append(contentsOf: Array("null".utf8))
        case .bool(let flag): output.append(contentsOf: Array((flag ? "true" : "false").utf8))
        case .number(let number): output.append(contentsOf: Array(number.literal.utf8))
        case .string(let text): writeString(text, into: &output)
        case .array, .object: writeCompact(value, into: &output)
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Writes a quoted JSON string with the escapes JSON requires.
    static func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                output.append(contentsOf: Array("\\u00".utf8))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}

extension JSONValue: CustomStringConvertible {
    /// Compact JSON text.
    public var description: String { JSONWriter.string(self) }
}
