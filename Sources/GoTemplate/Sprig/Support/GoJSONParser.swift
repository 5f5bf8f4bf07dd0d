/// The decoder behind ``GoJSON/decode(_:)``, with Go's error messages for malformed documents.
struct GoJSONParser {
    let bytes: [UInt8]
    var index = 0
    /// Nesting bound: Go's decoder allows 10000 levels.
    private let maxDepth = 10000

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func document() throws(GoJSON.DecodingError) -> GoValue {
        skipSpace()
        if index == bytes.count { throw GoJSON.DecodingError(description: "unexpected end of JSON input") }
        let value = try parseValue(depth: 0)
        skipSpace()
        if index < bytes.count { throw invalid("after top-level value") }
        return value
    }

    private mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private func invalid(_ context: String) -> GoJSON.DecodingError {
        if index >= bytes.count { return GoJSON.DecodingError(description: "unexpected end of JSON input") }
        let character = GoQuote.quoteRune(Int64(bytes[index]))
        return GoJSON.DecodingError(description: "invalid character \(character) \(context)")
    }

    private mutating func parseValue(depth: Int) throws(GoJSON.DecodingError) -> GoValue {
        guard index < bytes.count else { throw GoJSON.DecodingError(description: "unexpected end of JSON input") }
        if depth > maxDepth { throw GoJSON.DecodingError(description: "exceeded max depth") }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            index += 1
            var entries: [String: GoValue] = [:]
            skipSpace()
            if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .map(GoMap(entries))
            }
            while true {
                skipSpace()
                guard index < bytes.count else { throw GoJSON.DecodingError(description: "unexpected end of JSON input") }
                guard bytes[index] == UInt8(ascii: "\"") else { throw invalid("looking for beginning of object key string") }
                let key = try parseString()
                skipSpace()
                guard index < bytes.count else { throw GoJSON.DecodingError(description: "unexpected end of JSON input") }
                guard bytes[index] == UInt8(ascii: ":") else { throw invalid("after object key") }
                index += 1
                skipSpace()
                entries[key] = try parseValue(depth: depth + 1)
                skipSpace()
                guard index < bytes.count else { throw GoJSON.DecodingError(description: "unexpected end of JSON input") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard bytes[index] == UInt8(ascii: "}") else { throw invalid("after object key:value pair") }
                index += 1
                return .map(GoMap(entries))
            }
        case UInt8(ascii: "["):
            index += 1
            var elements: [GoValue] = []
            skipSpace()
            if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .list(GoList(elements))
            }
            while true {
                skipSpace()
                elements.append(try parseValue(depth: depth + 1))
                skipSpace()
                guard index < bytes.count else { throw GoJSON.DecodingError(description: "unexpected end of JSON input") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard bytes[index] == UInt8(ascii: "]") else { throw invalid("after array element") }
                index += 1
                return .list(GoList(elements))
            }
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try parseNumber()
        default:
            throw invalid("looking for beginning of value")
        }
    }

    private mutating func literal(_ word: String) throws(GoJSON.DecodingError) {
        for byte in word.utf8 {
            guard index < bytes.count else { throw GoJSON.DecodingError(description: "unexpected end of JSON input") }
            guard bytes[index] == byte else { throw invalid("in literal \(word) (expecting \(GoQuote.quoteRune(Int64(byte))))") }
            index += 1
        }
    }

    private mutating func parseNumber() throws(GoJSON.DecodingError) -> GoValue {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        func digits() -> Int {
            let from = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index - from
        }
        guard index < bytes.count else { throw GoJSON.DecodingError(description: "unexpected end of JSON input") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if digits() == 0 {
            throw invalid("in numeric literal")
        }
        if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
            index += 1
            if digits() == 0 { throw invalid("after decimal point in numeric literal") }
        }
        if index < bytes.count && (bytes[index] | 0x20) == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) { index += 1 }
            if digits() == 0 { throw invalid("in exponent of numeric literal") }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw GoJSON.DecodingError(description: "json: cannot unmarshal number \(text) into Go value of type float64")
        }
        return .float64(value)
    }

    private mutating func parseString() throws(GoJSON.DecodingError) -> String {
        index += 1
        var scalars: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: scalars, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { throw GoJSON.DecodingError(description: "unexpected end of JSON input") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(escape)
                case UInt8(ascii: "b"): scalars.append(0x08)
                case UInt8(ascii: "f"): scalars.append(0x0C)
                case UInt8(ascii: "n"): scalars.append(0x0A)
                case UInt8(ascii: "r"): scalars.append(0x0D)
                case UInt8(ascii: "t"): scalars.append(0x09)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800..<0xDC00).contains(code), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                        let save = index
                        index += 2
                        let low = try hex4()
                        if (0xDC00..<0xE000).contains(low) {
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            index = save
                        }
                    }
                    let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
                    scalars += Array(String(scalar).utf8)
                default:
                    index -= 1
                    throw invalid("in string escape code")
                }
            default:
                if byte < 0x20 { throw invalid("in string literal") }
                scalars.append(byte)
                index += 1
            }
        }
        throw GoJSON.DecodingError(description: "unexpected end of JSON input")
    }

    private mutating func hex4() throws(GoJSON.DecodingError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw GoJSON.DecodingError(description: "unexpected end of JSON input") }
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw invalid("in \\u hexadecimal character escape")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }
}
