import GoTemplate

/// How go-yaml v2 writes a string: plain when it reads back as the same string, else single-quoted,
/// double-quoted, or a literal block for multi-line text (libyaml's `analyze_scalar` rules).
enum YAMLScalarStyle {
    private struct Analysis {
        var flowPlainAllowed = true
        var blockPlainAllowed = true
        var singleQuotedAllowed = true
        var blockAllowed = true
        var multiline = false
    }

    static func render(_ string: String, indent: Int, isKey: Bool) -> String {
        // Most keys and values are words, names and paths: plain unless YAML reads them as something else.
        if isWordLike(string) { return YAMLResolve.isPlainString(string) ? string : doubleQuoted(string) }
        let analysis = analyze(string)
        if string.contains("\n") {
            return analysis.blockAllowed && !isKey ? literal(string, indent: indent) : doubleQuoted(string)
        }
        if !YAMLResolve.isPlainString(string) { return doubleQuoted(string) }
        if analysis.blockPlainAllowed && !(isKey && analysis.multiline) { return string }
        if analysis.singleQuotedAllowed { return "'" + GoStrings.replacingAll("'", with: "''", in: string) + "'" }
        return doubleQuoted(string)
    }

    /// Whether the string is a letter followed by letters, digits and `.`, `_`, `/`, `-`: characters that
    /// make no indicator, break or space there, so that the analysis allows every style.
    private static func isWordLike(_ string: String) -> Bool {
        var bytes = string.utf8.makeIterator()
        guard let first = bytes.next(), isLetter(first) else { return false }
        while let byte = bytes.next() {
            guard isLetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "-")
            else { return false }
        }
        return true
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x20...0x7E, 0x85, 0xA0...0xD7FF, 0x10000...0x10FFFF: true
        case 0xE000...0xFFFD: scalar.value != 0xFEFF
        default: false
        }
    }

    private static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        ["\r", "\n", "\u{85}", "\u{2028}", "\u{2029}"].contains(scalar)
    }

    private static func analyze(_ string: String) -> Analysis {
        var analysis = Analysis()
        let scalars = Array(string.unicodeScalars)
        if scalars.isEmpty {
            analysis.flowPlainAllowed = false
            analysis.blockPlainAllowed = false
            analysis.blockAllowed = false
            return analysis
        }
        var blockIndicators = false, flowIndicators = false, lineBreaks = false, specialCharacters = false
        var leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false
        var breakSpace = false, spaceBreak = false, previousSpace = false, previousBreak = false
        if string.hasPrefix("---") || string.hasPrefix("...") {
            blockIndicators = true
            flowIndicators = true
        }
        var precededByWhitespace = true
        for (index, scalar) in scalars.enumerated() {
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            let followedByWhitespace = next.map { $0 == " " || $0 == "\t" || isBreak($0) } ?? true
            if index == 0 {
                switch scalar {
                case "#", ",", "[", "]", "{", "}", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`":
                    flowIndicators = true
                    blockIndicators = true
                case "?", ":":
                    flowIndicators = true
                    if followedByWhitespace { blockIndicators = true }
                case "-":
                    if followedByWhitespace {
                        flowIndicators = true
                        blockIndicators = true
                    }
                default: break
                }
            } else {
                switch scalar {
                case ",", "?", "[", "]", "{", "}":
                    flowIndicators = true
                case ":":
                    flowIndicators = true
                    if followedByWhitespace { blockIndicators = true }
                case "#":
                    if precededByWhitespace {
                        flowIndicators = true
                        blockIndicators = true
                    }
                default: break
                }
            }
            if !isPrintable(scalar) { specialCharacters = true }
            if isBreak(scalar) { lineBreaks = true }
            if scalar == " " {
                if index == 0 { leadingSpace = true }
                if index == scalars.count - 1 { trailingSpace = true }
                if previousBreak { breakSpace = true }
                previousSpace = true
                previousBreak = false
            } else if isBreak(scalar) {
                if index == 0 { leadingBreak = true }
                if index == scalars.count - 1 { trailingBreak = true }
                if previousSpace { spaceBreak = true }
                previousBreak = true
                previousSpace = false
            } else {
                previousSpace = false
                previousBreak = false
            }
            precededByWhitespace = scalar == " " || scalar == "\t" || isBreak(scalar)
        }
        analysis.multiline = lineBreaks
        if leadingSpace || leadingBreak || trailingSpace || trailingBreak {
            analysis.flowPlainAllowed = false
            analysis.blockPlainAllowed = false
        }
        if trailingSpace { analysis.blockAllowed = false }
        if breakSpace {
            analysis.flowPlainAllowed = false
            analysis.blockPlainAllowed = false
            analysis.singleQuotedAllowed = false
        }
        if spaceBreak || specialCharacters {
            analysis.flowPlainAllowed = false
            analysis.blockPlainAllowed = false
            analysis.singleQuotedAllowed = false
            analysis.blockAllowed = false
        }
        if lineBreaks {
            analysis.flowPlainAllowed = false
            analysis.blockPlainAllowed = false
        }
        if flowIndicators { analysis.flowPlainAllowed = false }
        if blockIndicators { analysis.blockPlainAllowed = false }
        return analysis
    }

    /// A literal block (`|`, `|-`, `|+`, with an indentation indicator when the text starts with a space).
    private static func literal(_ string: String, indent: Int) -> String {
        var header = "|"
        let scalars = Array(string.unicodeScalars)
        if let first = scalars.first, first == " " || isBreak(first) { header += "2" }
        if !string.hasSuffix("\n") {
            header += "-"
        } else if string == "\n" || string.hasSuffix("\n\n") {
            header += "+"
        }
        var output = header + "\n"
        let lines = string.split(separator: "\n", omittingEmptySubsequences: false)
        let body = string.hasSuffix("\n") ? lines.dropLast() : lines[...]
        let pad = String(repeating: " ", count: indent)
        for line in body {
            output += line.isEmpty ? "\n" : pad + line + "\n"
        }
        output.removeLast()
        return output
    }

    private static func doubleQuoted(_ string: String) -> String {
        var output = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\0": output += "\\0"
            case "\u{07}": output += "\\a"
            case "\u{08}": output += "\\b"
            case "\t": output += "\\t"
            case "\n": output += "\\n"
            case "\u{0B}": output += "\\v"
            case "\u{0C}": output += "\\f"
            case "\r": output += "\\r"
            case "\u{1B}": output += "\\e"
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\u{85}": output += "\\N"
            case "\u{A0}": output += "\\_"
            case "\u{2028}": output += "\\L"
            case "\u{2029}": output += "\\P"
            default:
                if isPrintable(scalar) {
                    output.unicodeScalars.append(scalar)
                } else if scalar.value <= 0xFF {
                    output += "\\x" + hex(scalar.value, 2)
                } else if scalar.value <= 0xFFFF {
                    output += "\\u" + hex(scalar.value, 4)
                } else {
                    output += "\\U" + hex(scalar.value, 8)
                }
            }
        }
        return output + "\""
    }

    private static func hex(_ value: UInt32, _ width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
