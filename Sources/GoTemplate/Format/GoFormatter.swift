/// Go's `fmt` for template values: `Sprint`, `Sprintln` and `Sprintf` with Go's verbs, flags, width,
/// precision, argument indexes and error notations (`%!d(string=x)`, `%!s(MISSING)`, `%!(EXTRA ...)`).
struct GoFormatter {
    private var output = ""
    private var plus = false
    private var minus = false
    private var sharp = false
    private var space = false
    private var zero = false
    private var plusV = false
    private var sharpV = false
    private var width: Int?
    private var precision: Int?
    private var erroring = false

    /// `fmt.Sprint`: operands separated by a space when neither side is a string.
    static func sprint(_ arguments: [GoValue]) -> String {
        var formatter = GoFormatter()
        var previousIsString = false
        for (index, argument) in arguments.enumerated() {
            let isString = argument.asString != nil
            if index > 0 && !isString && !previousIsString { formatter.output.append(" ") }
            formatter.printArgument(argument, verb: "v")
            previousIsString = isString
        }
        return formatter.output
    }

    /// `fmt.Sprintln`: operands always separated by a space, newline appended.
    static func sprintln(_ arguments: [GoValue]) -> String {
        var formatter = GoFormatter()
        for (index, argument) in arguments.enumerated() {
            if index > 0 { formatter.output.append(" ") }
            formatter.printArgument(argument, verb: "v")
        }
        formatter.output.append("\n")
        return formatter.output
    }

    /// How `%v` prints one value.
    static func string(_ value: GoValue) -> String {
        var formatter = GoFormatter()
        formatter.printArgument(value, verb: "v")
        return formatter.output
    }

    /// `fmt.Sprintf`.
    static func sprintf(_ format: String, _ arguments: [GoValue]) -> String {
        var formatter = GoFormatter()
        formatter.printf(Array(format.utf8), arguments)
        return formatter.output
    }

    // MARK: - Printf

    private mutating func clearFlags() {
        plus = false
        minus = false
        sharp = false
        space = false
        zero = false
        plusV = false
        sharpV = false
        width = nil
        precision = nil
    }

    private mutating func printf(_ format: [UInt8], _ arguments: [GoValue]) {
        let end = format.count
        var argumentIndex = 0
        var afterIndex = false
        var reordered = false
        var index = 0
        formatLoop: while index < end {
            var goodArgumentNumber = true
            let literalStart = index
            while index < end && format[index] != UInt8(ascii: "%") { index += 1 }
            if index > literalStart { output += String(decoding: format[literalStart..<index], as: UTF8.self) }
            if index >= end { break }
            index += 1
            clearFlags()
            simple: while index < end {
                switch format[index] {
                case UInt8(ascii: "#"): sharp = true
                case UInt8(ascii: "0"): zero = true
                case UInt8(ascii: "+"): plus = true
                case UInt8(ascii: "-"): minus = true
                case UInt8(ascii: " "): space = true
                default:
                    let character = format[index]
                    if character >= UInt8(ascii: "a") && character <= UInt8(ascii: "z") && argumentIndex < arguments.count {
                        if character == UInt8(ascii: "v") {
                            sharpV = sharp
                            sharp = false
                            plusV = plus
                            plus = false
                        }
                        printArgument(arguments[argumentIndex], verb: Unicode.Scalar(character))
                        argumentIndex += 1
                        index += 1
                        continue formatLoop
                    }
                    break simple
                }
                index += 1
            }

            func argumentNumber(_ current: Int) -> (Int, Bool) {
                guard index < end, format[index] == UInt8(ascii: "[") else { return (current, false) }
                reordered = true
                guard end - index >= 3 else {
                    index += 1
                    goodArgumentNumber = false
                    return (current, false)
                }
                var close = index + 1
                while close < end && format[close] != UInt8(ascii: "]") { close += 1 }
                guard close < end else {
                    index += 1
                    goodArgumentNumber = false
                    return (current, false)
                }
                let (number, ok, next) = GoFormatter.parseNumber(format, from: index + 1, to: close)
                index = close + 1
                if !ok || next != close {
                    goodArgumentNumber = false
                    return (current, false)
                }
                if number - 1 >= 0 && number - 1 < arguments.count { return (number - 1, true) }
                goodArgumentNumber = false
                return (current, true)
            }

            (argumentIndex, afterIndex) = argumentNumber(argumentIndex)

            if index < end && format[index] == UInt8(ascii: "*") {
                index += 1
                let (value, present, next) = GoFormatter.intFromArgument(arguments, argumentIndex)
                argumentIndex = next
                if present {
                    width = value
                } else {
                    output += "%!(BADWIDTH)"
                }
                if let current = width, current < 0 {
                    width = -current
                    minus = true
                    zero = false
                }
                afterIndex = false
            } else {
                let (value, present, next) = GoFormatter.parseNumber(format, from: index, to: end)
                index = next
                width = present ? value : nil
                if afterIndex && present { goodArgumentNumber = false }
            }

            if index + 1 < end && format[index] == UInt8(ascii: ".") {
                index += 1
                if afterIndex { goodArgumentNumber = false }
                (argumentIndex, afterIndex) = argumentNumber(argumentIndex)
                if index < end && format[index] == UInt8(ascii: "*") {
                    index += 1
                    let (value, present, next) = GoFormatter.intFromArgument(arguments, argumentIndex)
                    argumentIndex = next
                    precision = present && value >= 0 ? value : nil
                    if !present || value < 0 {
                        if !present { output += "%!(BADPREC)" }
                        precision = nil
                    }
                    afterIndex = false
                } else {
                    let (value, present, next) = GoFormatter.parseNumber(format, from: index, to: end)
                    index = next
                    precision = present ? value : 0
                }
            }

            if !afterIndex { (argumentIndex, afterIndex) = argumentNumber(argumentIndex) }

            if index >= end {
                output += "%!(NOVERB)"
                break
            }

            var decoder = UTF8()
            var iterator = format[index...].makeIterator()
            var verb: Unicode.Scalar = "\u{FFFD}"
            if case .scalarValue(let scalar) = decoder.decode(&iterator) { verb = scalar }
            index += verb.utf8Width

            if verb == "%" {
                output += "%"
            } else if !goodArgumentNumber {
                output += "%!" + String(verb) + "(BADINDEX)"
            } else if argumentIndex >= arguments.count {
                output += "%!" + String(verb) + "(MISSING)"
            } else {
                if verb == "v" {
                    sharpV = sharp
                    sharp = false
                    plusV = plus
                    plus = false
                }
                printArgument(arguments[argumentIndex], verb: verb)
                argumentIndex += 1
            }
        }

        if !reordered && argumentIndex < arguments.count {
            clearFlags()
            output += "%!(EXTRA "
            for (offset, argument) in arguments[argumentIndex...].enumerated() {
                if offset > 0 { output += ", " }
                if argument.isNilInterface {
                    output += "<nil>"
                } else {
                    output += GoFormatter.typeName(argument) + "="
                    printArgument(argument, verb: "v")
                }
            }
            output += ")"
        }
    }

    private static func parseNumber(_ format: [UInt8], from start: Int, to end: Int) -> (Int, Bool, Int) {
        var index = start
        var number = 0
        var present = false
        while index < end, format[index] >= UInt8(ascii: "0"), format[index] <= UInt8(ascii: "9") {
            if number > 1_000_000 { return (0, false, end) }
            number = number * 10 + Int(format[index] - UInt8(ascii: "0"))
            present = true
            index += 1
        }
        return (number, present, index)
    }

    private static func intFromArgument(_ arguments: [GoValue], _ index: Int) -> (Int, Bool, Int) {
        guard index < arguments.count else { return (0, false, index) }
        guard let value = arguments[index].integerValue, value.magnitude <= 1_000_000 else { return (0, false, index + 1) }
        return (Int(value), true, index + 1)
    }

    static func typeName(_ value: GoValue) -> String {
        value.goType?.name ?? "<nil>"
    }

    // MARK: - Operands

    private mutating func printArgument(_ argument: GoValue, verb: Unicode.Scalar) {
        if argument.isNilInterface {
            if verb == "T" || verb == "v" {
                padString("<nil>")
            } else {
                badVerb(verb, argument)
            }
            return
        }
        if verb == "T" {
            formatString(GoFormatter.typeName(argument))
            return
        }
        printValue(argument, verb: verb, depth: 0)
    }

    private mutating func printValue(_ value: GoValue, verb: Unicode.Scalar, depth: Int) {
        switch value {
        case .noValue, .null:
            if depth == 0 {
                padString("<nil>")
            } else {
                output += "<nil>"
            }
        case .bool(let bool):
            if verb == "t" || verb == "v" {
                padString(bool ? "true" : "false")
            } else {
                badVerb(verb, value)
            }
        case .int(let int): formatInteger(Int64(int), signed: true, verb: verb, value: value)
        case .int64(let int): formatInteger(int, signed: true, verb: verb, value: value)
        case .uint8(let byte): formatInteger(Int64(byte), signed: false, verb: verb, value: value)
        case .float64(let double): formatFloat(double, verb: verb, value: value)
        case .string(let string): formatString(string, verb: verb, value: value)
        case .list(let list):
            if sharpV {
                output += list.goType.name + "{"
                for (index, element) in list.elements.enumerated() where !isOverLimit {
                    if index > 0 { output += ", " }
                    printValue(element, verb: verb, depth: depth + 1)
                }
                output += "}"
            } else {
                output += "["
                for (index, element) in list.elements.enumerated() where !isOverLimit {
                    if index > 0 { output += " " }
                    printValue(element, verb: verb, depth: depth + 1)
                }
                output += "]"
            }
        case .map(let map):
            output += sharpV ? map.typeName + "{" : "map["
            for (index, entry) in map.sortedEntries.enumerated() where !isOverLimit {
                if index > 0 { output += sharpV ? ", " : " " }
                formatString(entry.key, verb: verb, value: .string(entry.key))
                output += ":"
                printValue(entry.value, verb: verb, depth: depth + 1)
            }
            output += sharpV ? "}" : "]"
        case .object(let object):
            if !erroring, !sharpV, let string = object.stringValue, ["v", "s", "x", "X", "q"].contains(verb) {
                formatString(string, verb: verb, value: .string(string))
                return
            }
            if verb == "v" {
                padString(object.defaultFormat)
            } else {
                badVerb(verb, value)
            }
        }
    }

    /// Whether the output has grown past the default output limit: printing stops there (the caller's
    /// size check then fails), so a map that contains itself many times over cannot exhaust memory.
    private var isOverLimit: Bool { output.utf8.count > TemplateLimits.defaultMaxOutputBytes }

    private mutating func badVerb(_ verb: Unicode.Scalar, _ value: GoValue) {
        erroring = true
        output += "%!" + String(verb) + "("
        if value.isNilInterface {
            output += "<nil>"
        } else {
            output += GoFormatter.typeName(value) + "="
            printArgument(value, verb: "v")
        }
        output += ")"
        erroring = false
    }

    // MARK: - Padding

    private mutating func writePadding(_ count: Int) {
        guard count > 0 else { return }
        output += String(repeating: zero && !minus ? "0" : " ", count: count)
    }

    private mutating func pad(_ text: String) {
        guard let width, width > 0 else {
            output += text
            return
        }
        let padding = width - text.unicodeScalars.count
        if minus {
            output += text
            writePadding(padding)
        } else {
            writePadding(padding)
            output += text
        }
    }

    private mutating func padString(_ text: String) { pad(text) }

    // MARK: - Strings

    private mutating func formatString(_ string: String) {
        padString(truncate(string))
    }

    private func truncate(_ string: String) -> String {
        guard let precision, string.unicodeScalars.count > precision else { return string }
        return String(String.UnicodeScalarView(string.unicodeScalars.prefix(precision)))
    }

    private mutating func formatString(_ string: String, verb: Unicode.Scalar, value: GoValue) {
        switch verb {
        case "v":
            if sharpV { formatQuoted(string) } else { formatString(string) }
        case "s": formatString(string)
        case "x": formatHexString(Array(string.utf8), uppercase: false)
        case "X": formatHexString(Array(string.utf8), uppercase: true)
        case "q": formatQuoted(string)
        default: badVerb(verb, value)
        }
    }

    private mutating func formatQuoted(_ string: String) {
        let truncated = truncate(string)
        if sharp && GoQuote.canBackquote(truncated) {
            padString("`" + truncated + "`")
            return
        }
        pad(GoQuote.quote(truncated, asciiOnly: plus))
    }

    private mutating func formatHexString(_ bytes: [UInt8], uppercase: Bool) {
        var length = bytes.count
        if let precision, precision < length { length = precision }
        var encodedWidth = 2 * length
        if encodedWidth > 0 {
            if space {
                if sharp { encodedWidth *= 2 }
                encodedWidth += length - 1
            } else if sharp {
                encodedWidth += 2
            }
        } else {
            if let width { writePadding(width) }
            return
        }
        if let width, width > encodedWidth, !minus { writePadding(width - encodedWidth) }
        let prefix = uppercase ? "0X" : "0x"
        if sharp { output += prefix }
        for index in 0..<length {
            if space && index > 0 {
                output += " "
                if sharp { output += prefix }
            }
            output += GoQuote.hex(UInt32(bytes[index]), width: 2, uppercase: uppercase)
        }
        if let width, width > encodedWidth, minus { writePadding(width - encodedWidth) }
    }

    // MARK: - Integers

    private mutating func formatInteger(_ number: Int64, signed: Bool, verb: Unicode.Scalar, value: GoValue) {
        switch verb {
        case "v":
            if sharpV && !signed {
                sharp = true
                integer(number, base: 16, signed: signed, verb: "x")
            } else {
                integer(number, base: 10, signed: signed, verb: verb)
            }
        case "d": integer(number, base: 10, signed: signed, verb: verb)
        case "b": integer(number, base: 2, signed: signed, verb: verb)
        case "o", "O": integer(number, base: 8, signed: signed, verb: verb)
        case "x": integer(number, base: 16, signed: signed, verb: verb)
        case "X": integer(number, base: 16, signed: signed, verb: verb, uppercase: true)
        case "c":
            let scalar = number >= 0 && number <= 0x10FFFF ? Unicode.Scalar(UInt32(number)) : nil
            pad(String(scalar ?? "\u{FFFD}"))
        case "q":
            pad(GoQuote.quoteRune(number <= 0x10FFFF ? number : 0xFFFD, asciiOnly: plus))
        case "U": formatUnicode(number)
        case "e", "E", "f", "F", "g", "G":
            badVerb(verb, value)
        default:
            badVerb(verb, value)
        }
    }

    private mutating func integer(_ number: Int64, base: Int, signed: Bool, verb: Unicode.Scalar, uppercase: Bool = false) {
        let negative = signed && number < 0
        let magnitude = negative ? number.magnitude : UInt64(bitPattern: number)
        var minimumDigits = 0
        if let precision {
            minimumDigits = precision
            if precision == 0 && magnitude == 0 {
                let savedZero = zero
                zero = false
                if let width { writePadding(width) }
                zero = savedZero
                return
            }
        } else if zero && !minus, let width {
            minimumDigits = width
            if negative || plus || space { minimumDigits -= 1 }
        }
        var digits = String(magnitude, radix: base, uppercase: uppercase)
        if digits.count < minimumDigits { digits = String(repeating: "0", count: minimumDigits - digits.count) + digits }
        if sharp {
            switch base {
            case 2: digits = "0b" + digits
            case 8: if !digits.hasPrefix("0") { digits = "0" + digits }
            case 16: digits = (uppercase ? "0X" : "0x") + digits
            default: break
            }
        }
        if verb == "O" { digits = "0o" + digits }
        if negative {
            digits = "-" + digits
        } else if plus {
            digits = "+" + digits
        } else if space {
            digits = " " + digits
        }
        let savedZero = zero
        zero = false
        pad(digits)
        zero = savedZero
    }

    private mutating func formatUnicode(_ number: Int64) {
        let magnitude = UInt64(bitPattern: number)
        var digits = String(magnitude, radix: 16, uppercase: true)
        let minimum = max(precision ?? 4, 4)
        if digits.count < minimum { digits = String(repeating: "0", count: minimum - digits.count) + digits }
        var text = "U+" + digits
        if sharp, number >= 0, number <= 0x10FFFF, let scalar = Unicode.Scalar(UInt32(number)), GoQuote.isPrint(scalar) {
            text += " '" + String(scalar) + "'"
        }
        let savedZero = zero
        zero = false
        pad(text)
        zero = savedZero
    }

    // MARK: - Floats

    private mutating func formatFloat(_ number: Double, verb: Unicode.Scalar, value: GoValue) {
        switch verb {
        case "v": float(number, format: "g", defaultPrecision: -1)
        case "b", "g", "G", "x", "X": float(number, format: Character(verb), defaultPrecision: -1)
        case "f", "e", "E", "F": float(number, format: verb == "F" ? "f" : Character(verb), defaultPrecision: 6)
        default: badVerb(verb, value)
        }
    }

    private mutating func float(_ number: Double, format: Character, defaultPrecision: Int) {
        var formatPrecision = defaultPrecision
        if let precision { formatPrecision = precision }
        var text = GoFloatFormat.format(number, format, precision: formatPrecision)
        var sign: Character = "+"
        if text.hasPrefix("-") || text.hasPrefix("+") {
            sign = text.removeFirst()
        }
        if space && sign == "+" && !plus { sign = " " }
        if text == "Inf" || text == "NaN" {
            let savedZero = zero
            zero = false
            if text == "NaN" && !space && !plus {
                pad(text)
            } else {
                pad(String(sign) + text)
            }
            zero = savedZero
            return
        }
        if sharp && format != "b" {
            var digits = 0
            if format == "v" || format == "g" || format == "G" || format == "x" {
                digits = formatPrecision == -1 ? 6 : formatPrecision
            }
            var tail = ""
            var body = text
            if let exponent = body.firstIndex(where: { $0 == "p" || $0 == "P" || (format != "x" && format != "X" && ($0 == "e" || $0 == "E")) }) {
                tail = String(body[exponent...])
                body = String(body[..<exponent])
            }
            var sawNonzero = false
            var hasPoint = false
            for character in body {
                if character == "." {
                    hasPoint = true
                    continue
                }
                if character != "0" { sawNonzero = true }
                if sawNonzero { digits -= 1 }
            }
            if !hasPoint {
                if body == "0" { digits -= 1 }
                body += "."
            }
            if digits > 0 { body += String(repeating: "0", count: digits) }
            text = body + tail
        }
        if plus || sign != "+" {
            if zero && !minus, let width, width > text.count + 1 {
                output.append(sign)
                writePadding(width - text.count - 1)
                output += text
                return
            }
            pad(String(sign) + text)
            return
        }
        pad(text)
    }
}

extension GoValue {
    /// Whether `fmt` sees the value as a nil interface.
    var isNilInterface: Bool {
        switch self {
        case .noValue, .null: true
        default: false
        }
    }
}
