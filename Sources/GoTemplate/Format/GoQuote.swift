/// Go's `strconv` quoting and unquoting, byte-exact where Go's output depends on it.
enum GoQuote {
    /// `strconv.Quote`: a double-quoted Go string literal with Go's escapes.
    static func quote(_ string: String, asciiOnly: Bool = false) -> String {
        // Printable ASCII without quotes or backslashes, the common case, needs no escaping.
        if string.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            return "\"" + string + "\""
        }
        var result = "\""
        for scalar in string.unicodeScalars {
            append(scalar, quote: "\"", asciiOnly: asciiOnly, to: &result)
        }
        result.append("\"")
        return result
    }

    /// `strconv.QuoteRune`: a single-quoted Go character literal.
    static func quoteRune(_ value: Int64, asciiOnly: Bool = false) -> String {
        var result = "'"
        let scalar = Unicode.Scalar(UInt32(truncatingIfNeeded: value)).flatMap { value >= 0 && value <= 0x10FFFF ? $0 : nil }
        append(scalar ?? "\u{FFFD}", quote: "'", asciiOnly: asciiOnly, to: &result)
        result.append("'")
        return result
    }

    /// Whether `strconv.CanBackquote` holds: the string can be written as a raw string literal.
    static func canBackquote(_ string: String) -> Bool {
        for scalar in string.unicodeScalars {
            if scalar == "`" || scalar == "\u{FEFF}" { return false }
            if scalar.value < 0x20 && scalar != "\t" || scalar.value == 0x7F { return false }
        }
        return true
    }

    /// Go's `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space.
    static func isPrint(_ scalar: Unicode.Scalar) -> Bool {
        // ASCII, the common case, without the Unicode tables: everything from the space to the tilde.
        if scalar.value < 0x80 { return scalar.value >= 0x20 && scalar.value < 0x7F }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark,
            .decimalNumber, .letterNumber, .otherNumber,
            .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation,
            .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    private static func append(_ scalar: Unicode.Scalar, quote: Unicode.Scalar, asciiOnly: Bool, to result: inout String) {
        if scalar == quote || scalar == "\\" {
            result.append("\\")
            result.unicodeScalars.append(scalar)
            return
        }
        if asciiOnly {
            if scalar.value < 0x80 && isPrint(scalar) {
                result.unicodeScalars.append(scalar)
                return
            }
        } else if isPrint(scalar) {
            result.unicodeScalars.append(scalar)
            return
        }
        switch scalar {
        case "\u{07}": result.append("\\a")
        case "\u{08}": result.append("\\b")
        case "\u{0C}": result.append("\\f")
        case "\n": result.append("\\n")
        case "\r": result.append("\\r")
        case "\t": result.append("\\t")
        case "\u{0B}": result.append("\\v")
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                result.append("\\x" + hex(scalar.value, width: 2))
            } else if scalar.value < 0x10000 {
                result.append("\\u" + hex(scalar.value, width: 4))
            } else {
                result.append("\\U" + hex(scalar.value, width: 8))
            }
        }
    }

    static func hex(_ value: UInt32, width: Int, uppercase: Bool = false) -> String {
        let digits = String(value, radix: 16, uppercase: uppercase)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Go's `%#U`: `U+0041 'A'` (the character only when printable).
    static func unicodeDescription(_ scalar: Unicode.Scalar?) -> String {
        guard let scalar else { return "U+FFFFFFFFFFFFFFFF" }
        let code = "U+" + hex(scalar.value, width: 4, uppercase: true)
        return isPrint(scalar) ? code + " '" + String(scalar) + "'" : code
    }

    struct SyntaxError: Error {}

    /// `strconv.Unquote` for double-quoted, back-quoted and single-quoted literals.
    static func unquote(_ literal: String) throws(SyntaxError) -> String {
        var bytes = Array(literal.utf8)
        guard bytes.count >= 2, let quote = bytes.first, bytes.last == quote else { throw SyntaxError() }
        bytes = Array(bytes[1..<(bytes.count - 1)])
        switch quote {
        case UInt8(ascii: "`"):
            if bytes.contains(UInt8(ascii: "`")) { throw SyntaxError() }
            return String(decoding: bytes.filter { $0 != UInt8(ascii: "\r") }, as: UTF8.self)
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            if bytes.contains(UInt8(ascii: "\n")) { throw SyntaxError() }
            // Most literals are plain ASCII without escapes: their text is their value.
            if quote == UInt8(ascii: "\""), bytes.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\\") && $0 != quote }) {
                return String(decoding: bytes, as: UTF8.self)
            }
            var output: [UInt8] = []
            var index = 0
            var characters = 0
            while index < bytes.count {
                let (value, isByte, next) = try unquoteChar(bytes, from: index, quote: quote)
                index = next
                if isByte {
                    output.append(UInt8(value))
                } else {
                    output.append(contentsOf: Array(String(Unicode.Scalar(value)!).utf8))
                }
                characters += 1
            }
            if quote == UInt8(ascii: "'") && characters != 1 { throw SyntaxError() }
            return String(decoding: output, as: UTF8.self)
        default:
            throw SyntaxError()
        }
    }

    /// `strconv.UnquoteChar`: decodes one character or escape; returns its value, whether it is a raw
    /// byte (`\x`, octal), and the index after it.
    static func unquoteChar(_ bytes: [UInt8], from start: Int, quote: UInt8) throws(SyntaxError) -> (UInt32, Bool, Int) {
        let first = bytes[start]
        if first == quote && (quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"")) { throw SyntaxError() }
        if first >= 0x80 {
            var iterator = bytes[start...].makeIterator()
            var decoder = UTF8()
            if case .scalarValue(let scalar) = decoder.decode(&iterator) {
                return (scalar.value, false, start + scalar.utf8Width)
            }
            return (0xFFFD, false, start + 1)
        }
        if first != UInt8(ascii: "\\") { return (UInt32(first), false, start + 1) }
        guard start + 1 < bytes.count else { throw SyntaxError() }
        let escape = bytes[start + 1]
        var index = start + 2
        switch escape {
        case UInt8(ascii: "a"): return (7, false, index)
        case UInt8(ascii: "b"): return (8, false, index)
        case UInt8(ascii: "f"): return (12, false, index)
        case UInt8(ascii: "n"): return (10, false, index)
        case UInt8(ascii: "r"): return (13, false, index)
        case UInt8(ascii: "t"): return (9, false, index)
        case UInt8(ascii: "v"): return (11, false, index)
        case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
            let count = escape == UInt8(ascii: "x") ? 2 : escape == UInt8(ascii: "u") ? 4 : 8
            guard index + count <= bytes.count else { throw SyntaxError() }
            var value: UInt32 = 0
            for _ in 0..<count {
                guard let digit = hexValue(bytes[index]) else { throw SyntaxError() }
                value = value << 4 | digit
                index += 1
            }
            if escape == UInt8(ascii: "x") { return (value, true, index) }
            guard Unicode.Scalar(value) != nil else { throw SyntaxError() }
            return (value, false, index)
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            var value = UInt32(escape - UInt8(ascii: "0"))
            guard index + 2 <= bytes.count else { throw SyntaxError() }
            for _ in 0..<2 {
                let digit = bytes[index]
                guard digit >= UInt8(ascii: "0") && digit <= UInt8(ascii: "7") else { throw SyntaxError() }
                value = value << 3 | UInt32(digit - UInt8(ascii: "0"))
                index += 1
            }
            guard value <= 255 else { throw SyntaxError() }
            return (value, true, index)
        case UInt8(ascii: "\\"):
            return (UInt32(escape), false, index)
        case UInt8(ascii: "'"), UInt8(ascii: "\""):
            guard escape == quote else { throw SyntaxError() }
            return (UInt32(escape), false, index)
        default:
            throw SyntaxError()
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
