/// The word and case helpers Sprig takes from goutils and xstrings: `title`, `untitle`, `initials`,
/// `swapcase`, `snakecase`, `kebabcase`, `camelcase`, `wrap` and `abbrev`.
enum StringCase {
    /// Go's `strings.Title`: upper-cases the first letter of every word.
    static func title(_ string: String) -> String {
        var previous: Unicode.Scalar = " "
        var result = String.UnicodeScalarView()
        for scalar in string.unicodeScalars {
            result.append(isTitleSeparator(previous) ? GoUnicode.toTitle(scalar) : scalar)
            previous = scalar
        }
        return String(result)
    }

    /// `strings.Title`'s word boundary: anything but ASCII letters, digits and `_`, or Unicode space.
    private static func isTitleSeparator(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return !(GoUnicode.isLetter(scalar) || GoUnicode.isDigit(scalar) || scalar == "_")
        }
        if GoUnicode.isLetter(scalar) || GoUnicode.isDigit(scalar) { return false }
        return GoUnicode.isSpace(scalar)
    }

    /// goutils' `Uncapitalize`: lower-cases the first rune of every whitespace-separated word.
    static func uncapitalize(_ string: String) -> String {
        var next = true
        var result = String.UnicodeScalarView()
        for scalar in string.unicodeScalars {
            if GoUnicode.isSpace(scalar) {
                next = true
                result.append(scalar)
            } else if next {
                result.append(GoUnicode.toLower(scalar))
                next = false
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// goutils' `Initials`: the first byte of every whitespace-separated word.
    static func initials(_ string: String) -> String {
        var result = String.UnicodeScalarView()
        var lastWasGap = true
        for byte in string.utf8 {
            let scalar = Unicode.Scalar(byte)
            if GoUnicode.isSpace(scalar) {
                lastWasGap = true
            } else if lastWasGap {
                result.append(scalar)
                lastWasGap = false
            }
        }
        return String(result)
    }

    /// goutils' `SwapCase`: upper becomes lower; lower becomes title case after whitespace, else upper.
    static func swapCase(_ string: String) -> String {
        var whitespace = true
        var result = String.UnicodeScalarView()
        for scalar in string.unicodeScalars {
            if GoUnicode.isUpper(scalar) {
                result.append(GoUnicode.toLower(scalar))
                whitespace = false
            } else if GoUnicode.isLower(scalar) {
                result.append(whitespace ? GoUnicode.toTitle(scalar) : GoUnicode.toUpper(scalar))
                whitespace = false
            } else {
                result.append(scalar)
                whitespace = GoUnicode.isSpace(scalar)
            }
        }
        return String(result)
    }

    private static func isConnector(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "_" || GoUnicode.isSpace(scalar)
    }

    /// xstrings' `ToCamelCase` (the Pascal-case variant Sprig ships): connectors removed and the rune
    /// after one upper-cased, upper-case words lowered after their first letter; leading connectors and
    /// runs of them are kept.
    static func camelCase(_ string: String) -> String {
        var scalars = string.unicodeScalars[...]
        var result = String.UnicodeScalarView()
        var current: Unicode.Scalar?
        var firstUpper = false
        while let scalar = scalars.popFirst() {
            if !isConnector(scalar) {
                firstUpper = GoUnicode.isUpper(scalar)
                current = GoUnicode.toUpper(scalar)
                break
            }
            result.append(scalar)
        }
        guard var current else { return String(result) }
        while let scalar = scalars.popFirst() {
            let previous = current
            current = scalar
            if isConnector(current) && isConnector(previous) {
                result.append(previous)
                continue
            }
            if isConnector(previous) {
                firstUpper = GoUnicode.isUpper(current)
                current = GoUnicode.toUpper(current)
            } else {
                if firstUpper {
                    if GoUnicode.isUpper(current) {
                        current = GoUnicode.toLower(current)
                    } else {
                        firstUpper = false
                    }
                }
                result.append(previous)
            }
        }
        result.append(current)
        return String(result)
    }

    private enum WordType {
        case none, number, upperCase, alphabet, connector, punctuation, other
    }

    private static func isAlphabet(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation, .otherPunctuation: true
        default: false
        }
    }

    private static func isNumber(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber: true
        default: false
        }
    }

    /// xstrings' `nextWord`: the type and extent of the word at the start of `scalars`.
    private static func nextWord(_ scalars: ArraySlice<Unicode.Scalar>) -> (WordType, ArraySlice<Unicode.Scalar>, ArraySlice<Unicode.Scalar>) {
        guard let first = scalars.first else { return (.none, [], []) }
        var end = scalars.startIndex + 1
        func extend(while predicate: (Unicode.Scalar) -> Bool) {
            while end < scalars.endIndex && predicate(scalars[end]) { end += 1 }
        }
        let type: WordType
        if isConnector(first) {
            type = .connector
            extend(while: isConnector)
        } else if isPunctuation(first) {
            type = .punctuation
            extend(while: isPunctuation)
        } else if GoUnicode.isUpper(first) {
            type = .upperCase
            if end < scalars.endIndex {
                let next = scalars[end]
                if GoUnicode.isUpper(next) {
                    extend(while: GoUnicode.isUpper)
                    // "HTTPStatus" splits into "HTTP" and "Status".
                    if end < scalars.endIndex && isAlphabet(scalars[end]) { end -= 1 }
                } else if isAlphabet(next) {
                    extend(while: { isAlphabet($0) && !GoUnicode.isUpper($0) })
                }
            }
        } else if isAlphabet(first) {
            type = .alphabet
            extend(while: { isAlphabet($0) && !GoUnicode.isUpper($0) })
        } else if isNumber(first) {
            type = .number
            extend(while: isNumber)
        } else {
            type = .other
            extend(while: { !(isConnector($0) || isAlphabet($0) || isNumber($0) || isPunctuation($0)) })
        }
        return (type, scalars[..<end], scalars[end...])
    }

    private static func appendLowered(_ result: inout String.UnicodeScalarView, _ type: WordType, _ word: ArraySlice<Unicode.Scalar>, _ connector: Unicode.Scalar) {
        guard type == .upperCase || type == .connector else {
            result.append(contentsOf: word)
            return
        }
        for scalar in word {
            result.append(isConnector(scalar) ? connector : GoUnicode.toLower(scalar))
        }
    }

    /// xstrings' `ToSnakeCase`/`ToKebabCase`: words split at case changes, connectors and digit runs,
    /// lower-cased and joined with `connector`.
    static func lowerCaseWords(_ string: String, connector: Unicode.Scalar) -> String {
        if string.isEmpty { return "" }
        var result = String.UnicodeScalarView()
        var (type, word, remaining) = nextWord(Array(string.unicodeScalars)[...])
        while !remaining.isEmpty {
            if type != .connector { appendLowered(&result, type, word, connector) }
            let previous = type, last = word
            (type, word, remaining) = nextWord(remaining)
            switch previous {
            case .number:
                while type == .alphabet || type == .number {
                    appendLowered(&result, type, word, connector)
                    (type, word, remaining) = nextWord(remaining)
                }
                if type != .none && type != .punctuation && type != .connector { result.append(connector) }
            case .connector:
                appendLowered(&result, previous, last, connector)
            case .punctuation:
                break
            default:
                if type != .number {
                    if type != .connector && type != .punctuation { result.append(connector) }
                    break
                }
                if remaining.isEmpty { break }
                let number = word
                (type, word, remaining) = nextWord(remaining)
                // A number followed by something other than letters belongs to the previous word ("Bld4Floor").
                if type != .alphabet {
                    appendLowered(&result, .number, number, connector)
                    if type != .connector && type != .punctuation { result.append(connector) }
                    break
                }
                // Lower-case letters after a number start a new word with it ("HTTP2xx").
                result.append(connector)
                appendLowered(&result, .number, number, connector)
                while type == .alphabet || type == .number {
                    appendLowered(&result, type, word, connector)
                    (type, word, remaining) = nextWord(remaining)
                }
                if type != .none && type != .connector && type != .punctuation { result.append(connector) }
            }
        }
        appendLowered(&result, type, word, connector)
        return String(result)
    }

    /// goutils' `WrapCustom`: breaks lines at the last space within `width` bytes.
    static func wrap(_ string: String, width: Int, newline: String, wrapLongWords: Bool) -> String {
        if string.isEmpty { return "" }
        let newline = newline.isEmpty ? "\n" : newline
        let width = max(width, 1)
        let bytes = Array(string.utf8)
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        var offset = 0
        var result = ""
        let space = UInt8(ascii: " ")
        while bytes.count - offset > width {
            if bytes[offset] == space {
                offset += 1
                continue
            }
            let end = min(width + offset + 1, bytes.count)
            if let spaceIndex = bytes[offset..<end].lastIndex(of: space) {
                result += text(offset..<spaceIndex) + newline
                offset = spaceIndex + 1
            } else if wrapLongWords {
                result += text(offset..<(offset + width)) + newline
                offset += width
            } else if let spaceIndex = bytes[(offset + width)...].firstIndex(of: space) {
                result += text(offset..<spaceIndex) + newline
                offset = spaceIndex + 1
            } else {
                result += text(offset..<bytes.count)
                offset = bytes.count
            }
        }
        return result + text(offset..<bytes.count)
    }

    /// goutils' `AbbreviateFull` (bytes, `...` marker).
    static func abbreviate(_ string: String, offset: Int, width: Int) -> String {
        let length = string.utf8.count
        if string.isEmpty { return "" }
        if length <= width { return string }
        var offset = min(offset, length)
        if length - offset < width - 3 { offset = length - (width - 3) }
        if offset <= 4 { return SprigStrings.bytes(string, 0, width - 3) + "..." }
        if width < 7 { return "" }
        if offset + width - 3 < length {
            let rest = SprigStrings.bytes(string, offset, length)
            return "..." + abbreviate(rest, offset: 0, width: width - 3)
        }
        return "..." + SprigStrings.bytes(string, length - (width - 3), length)
    }
}
