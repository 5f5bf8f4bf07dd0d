import GoTemplate

/// Decodes JSON into the values Helm hands templates: objects become `map[string]interface{}`, arrays
/// `[]interface{}`, and every number a `float64`, because Helm reads values through JSON.
enum JSONValues {
    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    static func decode(_ text: String, typeName: String? = nil) throws -> GoValue {
        var parser = Parser(bytes: Array(text.utf8))
        parser.skipSpace()
        let value = try parser.value(mapTypeName: typeName)
        parser.skipSpace()
        guard parser.index == parser.bytes.count else { throw Malformed(description: "trailing characters in \(text)") }
        return value
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        mutating func value(mapTypeName: String? = nil) throws -> GoValue {
            guard index < bytes.count else { throw Malformed(description: "unexpected end of JSON") }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var entries: [String: GoValue] = [:]
                skipSpace()
                if bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    return .map(GoMap(entries, typeName: mapTypeName))
                }
                while true {
                    skipSpace()
                    let key = try string()
                    skipSpace()
                    try expect(":")
                    skipSpace()
                    entries[key] = try value()
                    skipSpace()
                    if bytes[index] == UInt8(ascii: ",") {
                        index += 1
                        continue
                    }
                    try expect("}")
                    return .map(GoMap(entries, typeName: mapTypeName))
                }
            case UInt8(ascii: "["):
                index += 1
                var elements: [GoValue] = []
                skipSpace()
                if bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    return .list(GoList(elements))
                }
                while true {
                    skipSpace()
                    elements.append(try value())
                    skipSpace()
                    if bytes[index] == UInt8(ascii: ",") {
                        index += 1
                        continue
                    }
                    try expect("]")
                    return .list(GoList(elements))
                }
            case UInt8(ascii: "\""):
                return .string(try string())
            case UInt8(ascii: "t"):
                try keyword("true")
                return .bool(true)
            case UInt8(ascii: "f"):
                try keyword("false")
                return .bool(false)
            case UInt8(ascii: "n"):
                try keyword("null")
                return .null
            default:
                let start = index
                while index < bytes.count, "+-0123456789.eE".utf8.contains(bytes[index]) { index += 1 }
                let text = String(decoding: bytes[start..<index], as: UTF8.self)
                guard let number = Double(text) else { throw Malformed(description: "bad number \(text)") }
                return .float64(number)
            }
        }

        mutating func expect(_ character: Character) throws {
            guard index < bytes.count, bytes[index] == character.asciiValue! else {
                throw Malformed(description: "expected \(character) at \(index)")
            }
            index += 1
        }

        mutating func keyword(_ word: String) throws {
            let utf8 = Array(word.utf8)
            guard index + utf8.count <= bytes.count, Array(bytes[index..<(index + utf8.count)]) == utf8 else {
                throw Malformed(description: "expected \(word)")
            }
            index += utf8.count
        }

        mutating func string() throws -> String {
            try expect("\"")
            var output: [UInt8] = []
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                if bytes[index] == UInt8(ascii: "\\") {
                    index += 1
                    switch bytes[index] {
                    case UInt8(ascii: "n"): output.append(0x0A)
                    case UInt8(ascii: "t"): output.append(0x09)
                    case UInt8(ascii: "r"): output.append(0x0D)
                    case UInt8(ascii: "b"): output.append(0x08)
                    case UInt8(ascii: "f"): output.append(0x0C)
                    case UInt8(ascii: "u"):
                        let hex = String(decoding: bytes[(index + 1)...(index + 4)], as: UTF8.self)
                        index += 4
                        var code = UInt32(hex, radix: 16)!
                        if (0xD800..<0xDC00).contains(code), bytes[index + 1] == UInt8(ascii: "\\") {
                            let low = UInt32(String(decoding: bytes[(index + 3)...(index + 6)], as: UTF8.self), radix: 16)!
                            code = 0x10000 + (code - 0xD800) << 10 + (low - 0xDC00)
                            index += 6
                        }
                        output.append(contentsOf: Array(String(Unicode.Scalar(code)!).utf8))
                    default: output.append(bytes[index])
                    }
                } else {
                    output.append(bytes[index])
                }
                index += 1
            }
            try expect("\"")
            return String(decoding: output, as: UTF8.self)
        }
    }
}
