/// Go's `strconv.FormatFloat(v, fmt, prec, 64)` for the formats `e`, `E`, `f`, `g`, `G`, `b`, `x`, `X`.
enum GoFloatFormat {
    static func format(_ value: Double, _ format: Character, precision: Int) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        let negative = value.sign == .minus
        // Whole numbers (most numbers in values are) print as integers in the shortest `f` form, and in
        // the shortest `g` form below 1e6, where Go switches to an exponent; -0 keeps its sign.
        if precision < 0, value == value.rounded(.towardZero), !(value == 0 && negative),
            format == "f" && abs(value) < 1e15 || (format == "g" || format == "G") && abs(value) < 1e6 {
            return String(Int64(value))
        }
        switch format {
        case "b": return formatBinary(value)
        case "x", "X": return formatHex(value, uppercase: format == "X", precision: precision)
        default: break
        }
        let shortest = precision < 0
        var digits: DecimalDigits
        var precision = precision
        if shortest {
            digits = DecimalDigits(shortest: value)
            switch format {
            case "e", "E": precision = max(digits.digits.count - 1, 0)
            case "f": precision = max(digits.digits.count - digits.decimalPoint, 0)
            default: precision = digits.digits.count
            }
        } else {
            digits = DecimalDigits(exact: value)
            switch format {
            case "e", "E": digits.round(toDigits: precision + 1)
            case "f": digits.round(toDigits: digits.decimalPoint + precision)
            default:
                if precision == 0 { precision = 1 }
                digits.round(toDigits: precision)
            }
        }
        var output = negative ? "-" : ""
        switch format {
        case "e", "E":
            appendExponential(digits, precision: precision, letter: format, to: &output)
        case "f":
            appendFixed(digits, precision: precision, to: &output)
        default:
            var exponentPrecision = precision
            if exponentPrecision > digits.digits.count && digits.digits.count >= digits.decimalPoint {
                exponentPrecision = digits.digits.count
            }
            if shortest { exponentPrecision = 6 }
            let exponent = digits.decimalPoint - 1
            if exponent < -4 || exponent >= exponentPrecision {
                if precision > digits.digits.count { precision = digits.digits.count }
                appendExponential(digits, precision: precision - 1, letter: format == "G" ? "E" : "e", to: &output)
            } else {
                if precision > digits.decimalPoint { precision = digits.digits.count }
                appendFixed(digits, precision: max(precision - digits.decimalPoint, 0), to: &output)
            }
        }
        return output
    }

    private static func digit(_ digits: DecimalDigits, _ index: Int) -> Character {
        index >= 0 && index < digits.digits.count ? Character(Unicode.Scalar(digits.digits[index])) : "0"
    }

    private static func appendExponential(_ digits: DecimalDigits, precision: Int, letter: Character, to output: inout String) {
        output.append(digits.digits.isEmpty ? "0" : digit(digits, 0))
        if precision > 0 {
            output.append(".")
            for index in 1...precision { output.append(digit(digits, index)) }
        }
        output.append(letter)
        var exponent = digits.digits.isEmpty ? 0 : digits.decimalPoint - 1
        if exponent < 0 {
            output.append("-")
            exponent = -exponent
        } else {
            output.append("+")
        }
        if exponent < 10 { output.append("0") }
        output += String(exponent)
    }

    private static func appendFixed(_ digits: DecimalDigits, precision: Int, to output: inout String) {
        if digits.decimalPoint > 0 {
            for index in 0..<digits.decimalPoint { output.append(digit(digits, index)) }
        } else {
            output.append("0")
        }
        if precision > 0 {
            output.append(".")
            for offset in 1...precision { output.append(digit(digits, digits.decimalPoint + offset - 1)) }
        }
    }

    /// `%b`: decimal mantissa and binary exponent, e.g. `4503599627370496p-52`.
    private static func formatBinary(_ value: Double) -> String {
        var significand = value.magnitude.significandBitPattern
        var exponent = Int(value.magnitude.exponentBitPattern)
        if exponent == 0 {
            exponent = 1
        } else {
            significand |= 1 << 52
        }
        exponent -= 1075
        return (value.sign == .minus ? "-" : "") + String(significand) + "p" + (exponent >= 0 ? "+" : "-") + String(exponent.magnitude)
    }

    /// `%x`: hexadecimal mantissa and binary exponent, e.g. `0x1.8p+01`.
    private static func formatHex(_ value: Double, uppercase: Bool, precision: Int) -> String {
        let negative = value.sign == .minus
        var mantissa = value.magnitude.significandBitPattern
        var exponent = Int(value.magnitude.exponentBitPattern)
        if value == 0 {
            exponent = 0
        } else if exponent == 0 {
            // Normalise subnormals so the leading digit is 1.
            exponent = -1022
            while mantissa & (1 << 52) == 0 {
                mantissa <<= 1
                exponent -= 1
            }
            mantissa &= (1 << 52) - 1
        } else {
            exponent -= 1023
        }
        var fraction = mantissa
        var leading: UInt64 = value == 0 ? 0 : 1
        var hexDigits = 13
        if precision >= 0 && precision < 13 {
            let shift = UInt64(4 * (13 - precision))
            let full = leading << 52 | fraction
            var rounded = full >> shift
            let remainder = full & ((1 << shift) - 1)
            let half: UInt64 = 1 << (shift - 1)
            if remainder > half || remainder == half && rounded & 1 == 1 { rounded += 1 }
            if rounded >> UInt64(4 * precision) > 1 {
                rounded >>= 1
                exponent += 1
            }
            leading = rounded >> UInt64(4 * precision)
            fraction = rounded & ((1 << UInt64(4 * precision)) - 1)
            hexDigits = precision
        }
        var fractionText = hexDigits > 0 ? GoQuote.hex(UInt32(truncatingIfNeeded: fraction >> 32), width: max(0, hexDigits - 8)) : ""
        if hexDigits > 8 {
            fractionText += GoQuote.hex(UInt32(truncatingIfNeeded: fraction), width: 8)
        } else if hexDigits > 0 {
            fractionText = GoQuote.hex(UInt32(truncatingIfNeeded: fraction), width: hexDigits)
        }
        if precision < 0 {
            while fractionText.hasSuffix("0") { fractionText.removeLast() }
        } else if fractionText.count < precision {
            fractionText += String(repeating: "0", count: precision - fractionText.count)
        }
        var output = negative ? "-0x" : "0x"
        output += String(leading)
        if !fractionText.isEmpty { output += "." + fractionText }
        output += "p" + (exponent >= 0 ? "+" : "-")
        let magnitude = exponent.magnitude
        output += (magnitude < 10 ? "0" : "") + String(magnitude)
        return uppercase ? output.uppercased() : output
    }
}
