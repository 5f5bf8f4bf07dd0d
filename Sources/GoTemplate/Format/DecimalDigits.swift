/// A non-negative decimal number as digits and a decimal-point position, like Go's `strconv.decimal`:
/// the value is `0.d1d2d3... × 10^decimalPoint`.
struct DecimalDigits {
    /// ASCII digits without leading or trailing zeros.
    var digits: [UInt8]
    /// Where the decimal point sits relative to the first digit.
    var decimalPoint: Int

    /// The shortest digits that read back as the same `Double` (what Go's `%v` prints).
    init(shortest value: Double) {
        var text = Substring(value.magnitude.description)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = text[..<e]
        }
        var digits: [UInt8] = []
        var pointIndex: Int?
        for character in text.utf8 {
            if character == UInt8(ascii: ".") {
                pointIndex = digits.count
            } else {
                digits.append(character)
            }
        }
        (self.digits, decimalPoint) = DecimalDigits.normalized(digits, decimalPoint: (pointIndex ?? digits.count) + exponent)
    }

    /// The exact decimal value of a finite `Double`'s magnitude.
    init(exact value: Double) {
        let magnitude = value.magnitude
        if magnitude == 0 {
            digits = []
            decimalPoint = 0
            return
        }
        var significand = magnitude.significandBitPattern
        var exponent = Int(magnitude.exponentBitPattern)
        if exponent == 0 {
            exponent = 1
        } else {
            significand |= 1 << 52
        }
        exponent -= 1075
        // Little-endian base-10 digits of the significand.
        var number: [UInt8] = []
        var remaining = significand
        while remaining > 0 {
            number.append(UInt8(remaining % 10))
            remaining /= 10
        }
        let point: Int
        if exponent >= 0 {
            for _ in 0..<exponent { DecimalDigits.multiply(&number, by: 2) }
            point = number.count
        } else {
            for _ in 0..<(-exponent) { DecimalDigits.multiply(&number, by: 5) }
            point = number.count + exponent
        }
        let ascii = number.reversed().map { $0 + UInt8(ascii: "0") }
        (digits, decimalPoint) = DecimalDigits.normalized(ascii, decimalPoint: point)
    }

    /// Strips leading zeros (moving the point) and trailing zeros.
    private static func normalized(_ raw: [UInt8], decimalPoint: Int) -> ([UInt8], Int) {
        var point = decimalPoint
        var start = 0
        while start < raw.count && raw[start] == UInt8(ascii: "0") {
            start += 1
            point -= 1
        }
        var end = raw.count
        while end > start && raw[end - 1] == UInt8(ascii: "0") { end -= 1 }
        if start == end { return ([], 0) }
        return (Array(raw[start..<end]), point)
    }

    private static func multiply(_ number: inout [UInt8], by factor: UInt8) {
        var carry: UInt8 = 0
        for index in number.indices {
            let product = number[index] * factor + carry
            number[index] = product % 10
            carry = product / 10
        }
        if carry > 0 { number.append(carry) }
    }

    /// Rounds to `count` significant digits with Go's rule: half-way values round to even.
    mutating func round(toDigits count: Int) {
        guard count >= 0, count < digits.count else { return }
        let roundUp: Bool
        if digits[count] == UInt8(ascii: "5") && count + 1 == digits.count {
            roundUp = count > 0 && (digits[count - 1] - UInt8(ascii: "0")) % 2 == 1
        } else {
            roundUp = digits[count] >= UInt8(ascii: "5")
        }
        if roundUp {
            var index = count - 1
            while index >= 0 && digits[index] == UInt8(ascii: "9") { index -= 1 }
            if index < 0 {
                digits = [UInt8(ascii: "1")]
                decimalPoint += 1
            } else {
                digits[index] += 1
                digits.removeSubrange((index + 1)...)
            }
        } else {
            digits.removeSubrange(count...)
        }
        while let last = digits.last, last == UInt8(ascii: "0") { digits.removeLast() }
        if digits.isEmpty { decimalPoint = 0 }
    }
}
