/// Go's `strconv` number parsing: base prefixes, underscores, exact ranges and Go's error messages.
enum GoStrconv {
    /// Go's `*strconv.NumError`.
    struct NumberError: Error, CustomStringConvertible {
        enum Reason { case syntax, range }
        let function: String
        let input: String
        let reason: Reason

        var description: String {
            "strconv.\(function): parsing \(GoQuote.quote(input)): " + (reason == .syntax ? "invalid syntax" : "value out of range")
        }
    }

    static func parseUint(_ input: String, base: Int, bitSize: Int, function: String = "ParseUint") throws(NumberError) -> UInt64 {
        var bytes = Array(input.utf8)[...]
        if bytes.isEmpty { throw NumberError(function: function, input: input, reason: .syntax) }
        var base = base
        let baseZero = base == 0
        if baseZero {
            base = 10
            if bytes.first == UInt8(ascii: "0") {
                if bytes.count >= 3, let prefix = lowerPrefix(bytes[bytes.startIndex + 1]) {
                    base = prefix
                    bytes = bytes.dropFirst(2)
                } else {
                    base = 8
                    bytes = bytes.dropFirst()
                }
            }
        }
        let bits = bitSize == 0 ? 64 : bitSize
        let maximum: UInt64 = bits == 64 ? .max : (1 << UInt64(bits)) - 1
        var value: UInt64 = 0
        var sawUnderscore = false
        for byte in bytes {
            if byte == UInt8(ascii: "_") && baseZero {
                sawUnderscore = true
                continue
            }
            guard let digit = digitValue(byte), digit < base else {
                throw NumberError(function: function, input: input, reason: .syntax)
            }
            let (product, overflowMultiply) = value.multipliedReportingOverflow(by: UInt64(base))
            let (sum, overflowAdd) = product.addingReportingOverflow(UInt64(digit))
            if overflowMultiply || overflowAdd || sum > maximum {
                throw NumberError(function: function, input: input, reason: .range)
            }
            value = sum
        }
        if sawUnderscore && !underscoresAreValid(input) {
            throw NumberError(function: function, input: input, reason: .syntax)
        }
        return value
    }

    static func parseInt(_ input: String, base: Int, bitSize: Int) throws(NumberError) -> Int64 {
        if input.isEmpty { throw NumberError(function: "ParseInt", input: input, reason: .syntax) }
        var digits = Substring(input)
        var negative = false
        if digits.first == "+" {
            digits = digits.dropFirst()
        } else if digits.first == "-" {
            negative = true
            digits = digits.dropFirst()
        }
        let magnitude: UInt64
        do {
            magnitude = try parseUint(String(digits), base: base, bitSize: bitSize, function: "ParseInt")
        } catch {
            throw NumberError(function: "ParseInt", input: input, reason: error.reason)
        }
        let bits = bitSize == 0 ? 64 : bitSize
        let cutoff = UInt64(1) << UInt64(bits - 1)
        if !negative && magnitude >= cutoff || negative && magnitude > cutoff {
            throw NumberError(function: "ParseInt", input: input, reason: .range)
        }
        return negative ? Int64(bitPattern: 0 &- magnitude) : Int64(magnitude)
    }

    /// `strconv.ParseFloat(s, 64)`: decimal and hexadecimal literals, underscores, `inf`, `nan`.
    static func parseFloat(_ input: String) throws(NumberError) -> Double {
        let lowered = input.lowercased()
        switch lowered {
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        case "nan": return .nan
        default: break
        }
        let bytes = Array(input.utf8)
        var index = 0
        if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) { index += 1 }
        var hex = false
        if index + 1 < bytes.count && bytes[index] == UInt8(ascii: "0") && (bytes[index + 1] | 0x20) == UInt8(ascii: "x") {
            hex = true
            index += 2
        }
        var sawDigits = false, sawDot = false, sawUnderscore = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "_") {
                sawUnderscore = true
            } else if byte == UInt8(ascii: ".") {
                if sawDot { break }
                sawDot = true
            } else if let digit = digitValue(byte), digit < (hex ? 16 : 10) {
                sawDigits = true
            } else {
                break
            }
            index += 1
        }
        guard sawDigits else { throw NumberError(function: "ParseFloat", input: input, reason: .syntax) }
        if index < bytes.count && (bytes[index] | 0x20) == (hex ? UInt8(ascii: "p") : UInt8(ascii: "e")) {
            index += 1
            if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) { index += 1 }
            var sawExponentDigits = false
            while index < bytes.count, bytes[index] == UInt8(ascii: "_") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                if bytes[index] == UInt8(ascii: "_") { sawUnderscore = true } else { sawExponentDigits = true }
                index += 1
            }
            guard sawExponentDigits else { throw NumberError(function: "ParseFloat", input: input, reason: .syntax) }
        } else if hex {
            throw NumberError(function: "ParseFloat", input: input, reason: .syntax)
        }
        guard index == bytes.count else { throw NumberError(function: "ParseFloat", input: input, reason: .syntax) }
        if sawUnderscore && !underscoresAreValid(input) {
            throw NumberError(function: "ParseFloat", input: input, reason: .syntax)
        }
        let cleaned = sawUnderscore ? input.filter { $0 != "_" } : input
        guard let value = Double(cleaned) else { throw NumberError(function: "ParseFloat", input: input, reason: .syntax) }
        if value.isInfinite { throw NumberError(function: "ParseFloat", input: input, reason: .range) }
        return value
    }

    /// `strconv.Atoi`.
    static func atoi(_ input: String) throws(NumberError) -> Int {
        do {
            return Int(try parseInt(input, base: 10, bitSize: 0))
        } catch {
            throw NumberError(function: "Atoi", input: input, reason: error.reason)
        }
    }

    private static func lowerPrefix(_ byte: UInt8) -> Int? {
        switch byte | 0x20 {
        case UInt8(ascii: "b"): 2
        case UInt8(ascii: "o"): 8
        case UInt8(ascii: "x"): 16
        default: nil
        }
    }

    private static func digitValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): Int(byte - UInt8(ascii: "A")) + 10
        default: nil
        }
    }

    /// Go's `underscoreOK`: underscores only between digits (or after a base prefix).
    private static func underscoresAreValid(_ input: String) -> Bool {
        var bytes = Array(input.utf8)[...]
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        var saw: Character = "^"
        var hex = false
        var index = bytes.startIndex
        if bytes.count >= 2 && bytes[index] == UInt8(ascii: "0"), lowerPrefix(bytes[index + 1]) != nil {
            hex = (bytes[index + 1] | 0x20) == UInt8(ascii: "x")
            index += 2
            saw = "0"
        }
        while index < bytes.endIndex {
            let byte = bytes[index]
            let lower = byte | 0x20
            if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || hex && (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(lower) {
                saw = "0"
            } else if byte == UInt8(ascii: "_") {
                if saw != "0" { return false }
                saw = "_"
            } else {
                if saw == "_" { return false }
                saw = "!"
            }
            index += 1
        }
        return saw != "_"
    }
}
