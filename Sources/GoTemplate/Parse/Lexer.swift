#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits template source into tokens with Go's rules: text, delimiters with trim markers, comments,
/// and the words inside actions. Works on UTF-8 bytes so positions are byte offsets, as Go reports them.
struct Lexer {
    private let input: [UInt8]
    private let leftDelim: [UInt8]
    private let rightDelim: [UInt8]
    private let breakAllowed: Bool
    private let continueAllowed: Bool
    private var position = 0
    private var start = 0
    private var atEOF = false
    private var parenDepth = 0
    private var line = 1
    private var startLine = 1
    private var insideAction = false
    private var pending: Token?
    private var failed = false

    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let newline = UInt8(ascii: "\n")
    private static let trimMarker = UInt8(ascii: "-")
    private static let leftComment = Array("/*".utf8)
    private static let rightComment = Array("*/".utf8)

    init(input: [UInt8], leftDelim: String, rightDelim: String, breakAllowed: Bool, continueAllowed: Bool) {
        self.input = input
        self.leftDelim = Array(leftDelim.utf8)
        self.rightDelim = Array(rightDelim.utf8)
        self.breakAllowed = breakAllowed
        self.continueAllowed = continueAllowed
    }

    private enum State {
        case text, leftDelim, comment, rightDelim, insideAction, space, identifier, field, variable, char, number,
            quote, rawQuote
    }

    /// Returns the next token; after an error or EOF it keeps returning EOF.
    mutating func nextToken() -> Token {
        if failed { return Token(kind: .eof, position: position, value: "EOF", line: startLine) }
        pending = nil
        var state: State = insideAction ? .insideAction : .text
        while pending == nil {
            state = step(state) ?? state
        }
        let token = pending!
        return token
    }

    // MARK: - Scanning primitives

    private func decode(at index: Int) -> (scalar: Unicode.Scalar, width: Int) {
        let first = input[index]
        if first < 0x80 { return (Unicode.Scalar(first), 1) }
        var iterator = input[index...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) {
            return (scalar, scalar.utf8Width)
        }
        return ("\u{FFFD}", 1)
    }

    private mutating func next() -> Unicode.Scalar? {
        if position >= input.count {
            atEOF = true
            return nil
        }
        let (scalar, width) = decode(at: position)
        position += width
        if scalar == "\n" { line += 1 }
        return scalar
    }

    private mutating func backup() {
        guard !atEOF, position > 0 else { return }
        var index = position - 1
        while index > 0 && input[index] & 0xC0 == 0x80 && position - index < 4 { index -= 1 }
        let width = position - index
        let (scalar, decodedWidth) = decode(at: index)
        if decodedWidth == width {
            position = index
            if scalar == "\n" { line -= 1 }
        } else {
            position -= 1
        }
    }

    private mutating func peek() -> Unicode.Scalar? {
        let scalar = next()
        backup()
        return scalar
    }

    private func makeToken(_ kind: Token.Kind) -> Token {
        Token(kind: kind, position: start, value: String(decoding: input[start..<position], as: UTF8.self), line: startLine)
    }

    private mutating func take(_ kind: Token.Kind) -> Token {
        let token = makeToken(kind)
        start = position
        startLine = line
        return token
    }

    private mutating func emit(_ kind: Token.Kind) -> State? {
        pending = take(kind)
        return nil
    }

    private mutating func ignore() {
        line += count(newlinesIn: start..<position)
        start = position
        startLine = line
    }

    private func count(newlinesIn range: Range<Int>) -> Int {
        var result = 0
        for index in range where input[index] == Lexer.newline { result += 1 }
        return result
    }

    private mutating func accept(_ valid: String) -> Bool {
        if let scalar = next(), valid.unicodeScalars.contains(scalar) { return true }
        backup()
        return false
    }

    private mutating func acceptRun(_ valid: String) {
        while let scalar = next(), valid.unicodeScalars.contains(scalar) {}
        backup()
    }

    private mutating func error(_ message: String) -> State? {
        pending = Token(kind: .error, position: start, value: message, line: startLine)
        failed = true
        return nil
    }

    private func hasPrefix(_ prefix: [UInt8], at index: Int) -> Bool {
        guard index >= 0, index + prefix.count <= input.count else { return false }
        for offset in 0..<prefix.count where input[index + offset] != prefix[offset] { return false }
        return true
    }

    private func firstIndex(of needle: [UInt8], from index: Int) -> Int? {
        guard !needle.isEmpty, input.count >= needle.count else { return nil }
        // memchr skips the (mostly long) text between actions far faster than a byte loop.
        return input.withUnsafeBufferPointer { bytes -> Int? in
            guard let base = bytes.baseAddress else { return nil }
            var candidate = index
            while candidate + needle.count <= bytes.count {
                guard let hit = memchr(base + candidate, Int32(needle[0]), bytes.count - needle.count - candidate + 1) else { return nil }
                candidate = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if hasPrefix(needle, at: candidate) { return candidate }
                candidate += 1
            }
            return nil
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == carriageReturn || byte == newline
    }

    private static func isSpace(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar, scalar.isASCII else { return false }
        return isSpace(UInt8(scalar.value))
    }

    static func isAlphaNumeric(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        if scalar == "_" { return true }
        // Template identifiers are almost always ASCII; Unicode's tables are slow to consult.
        if scalar.isASCII {
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber:
            return true
        default:
            return false
        }
    }

    private func hasLeftTrimMarker(at index: Int) -> Bool {
        index + 1 < input.count && input[index] == Lexer.trimMarker && Lexer.isSpace(input[index + 1])
    }

    private func hasRightTrimMarker(at index: Int) -> Bool {
        index + 1 < input.count && Lexer.isSpace(input[index]) && input[index + 1] == Lexer.trimMarker
    }

    private func rightTrimLength(_ range: Range<Int>) -> Int {
        var index = range.upperBound
        while index > range.lowerBound && Lexer.isSpace(input[index - 1]) { index -= 1 }
        return range.upperBound - index
    }

    private func leftTrimLength(from index: Int) -> Int {
        var end = index
        while end < input.count && Lexer.isSpace(input[end]) { end += 1 }
        return end - index
    }

    private func atRightDelim() -> (delim: Bool, trim: Bool) {
        if hasRightTrimMarker(at: position) && hasPrefix(rightDelim, at: position + 2) { return (true, true) }
        if hasPrefix(rightDelim, at: position) { return (true, false) }
        return (false, false)
    }

    private mutating func atTerminator() -> Bool {
        let scalar = peek()
        if Lexer.isSpace(scalar) { return true }
        switch scalar {
        case nil, ".", ",", "|", ":", ")", "(": return true
        default: return hasPrefix(rightDelim, at: position)
        }
    }

    // MARK: - States

    private mutating func step(_ state: State) -> State? {
        switch state {
        case .text: return lexText()
        case .leftDelim: return lexLeftDelim()
        case .comment: return lexComment()
        case .rightDelim: return lexRightDelim()
        case .insideAction: return lexInsideAction()
        case .space: return lexSpace()
        case .identifier: return lexIdentifier()
        case .field: return lexFieldOrVariable(.field)
        case .variable:
            if atTerminator() { return emit(.variable) }
            return lexFieldOrVariable(.variable)
        case .char: return lexQuoted(kind: .charConstant, quote: "'", unterminated: "unterminated character constant")
        case .number: return lexNumber()
        case .quote: return lexQuoted(kind: .string, quote: "\"", unterminated: "unterminated quoted string")
        case .rawQuote: return lexRawQuote()
        }
    }

    private mutating func lexText() -> State? {
        if let found = firstIndex(of: leftDelim, from: position) {
            if found > position {
                position = found
                var trimLength = 0
                if hasLeftTrimMarker(at: position + leftDelim.count) {
                    trimLength = rightTrimLength(start..<position)
                }
                position -= trimLength
                line += count(newlinesIn: start..<position)
                let token = take(.text)
                position += trimLength
                ignore()
                if !token.value.isEmpty {
                    pending = token
                    return nil
                }
            }
            return .leftDelim
        }
        position = input.count
        if position > start {
            line += count(newlinesIn: start..<position)
            return emit(.text)
        }
        return emit(.eof)
    }

    private mutating func lexLeftDelim() -> State? {
        position += leftDelim.count
        let trim = hasLeftTrimMarker(at: position)
        let afterMarker = trim ? 2 : 0
        if hasPrefix(Lexer.leftComment, at: position + afterMarker) {
            position += afterMarker
            ignore()
            return .comment
        }
        let token = take(.leftDelim)
        insideAction = true
        position += afterMarker
        ignore()
        parenDepth = 0
        pending = token
        return nil
    }

    private mutating func lexComment() -> State? {
        position += Lexer.leftComment.count
        guard let end = firstIndex(of: Lexer.rightComment, from: position) else {
            return error("unclosed comment")
        }
        position = end + Lexer.rightComment.count
        let (delim, trim) = atRightDelim()
        if !delim { return error("comment ends before closing delimiter") }
        line += count(newlinesIn: start..<position)
        start = position
        startLine = line
        if trim { position += 2 }
        position += rightDelim.count
        if trim { position += leftTrimLength(from: position) }
        ignore()
        return .text
    }

    private mutating func lexRightDelim() -> State? {
        let (_, trim) = atRightDelim()
        if trim {
            position += 2
            ignore()
        }
        position += rightDelim.count
        let token = take(.rightDelim)
        if trim {
            position += leftTrimLength(from: position)
            ignore()
        }
        insideAction = false
        pending = token
        return nil
    }

    private mutating func lexInsideAction() -> State? {
        let (delim, _) = atRightDelim()
        if delim {
            if parenDepth == 0 { return .rightDelim }
            return error("unclosed left paren")
        }
        guard let scalar = next() else { return error("unclosed action") }
        switch scalar {
        case _ where Lexer.isSpace(scalar):
            backup()
            return .space
        case "=":
            return emit(.assign)
        case ":":
            if next() != "=" { return error("expected :=") }
            return emit(.declare)
        case "|":
            return emit(.pipe)
        case "\"":
            return .quote
        case "`":
            return .rawQuote
        case "$":
            return .variable
        case "'":
            return .char
        case ".":
            if position < input.count {
                let following = input[position]
                if following < UInt8(ascii: "0") || following > UInt8(ascii: "9") { return .field }
            }
            backup()
            return .number
        case "+", "-", "0"..."9":
            backup()
            return .number
        case _ where Lexer.isAlphaNumeric(scalar):
            backup()
            return .identifier
        case "(":
            parenDepth += 1
            return emit(.leftParen)
        case ")":
            parenDepth -= 1
            if parenDepth < 0 { return error("unexpected right paren") }
            return emit(.rightParen)
        default:
            if scalar.value < 0x7F && scalar.value >= 0x20 { return emit(.char) }
            return error("unrecognized character in action: \(GoQuote.unicodeDescription(scalar))")
        }
    }

    private mutating func lexSpace() -> State? {
        var spaces = 0
        while Lexer.isSpace(peek()) {
            _ = next()
            spaces += 1
        }
        if hasRightTrimMarker(at: position - 1) && hasPrefix(rightDelim, at: position - 1 + 2) {
            backup()
            if spaces == 1 { return .rightDelim }
        }
        return emit(.space)
    }

    private mutating func lexIdentifier() -> State? {
        while true {
            let scalar = next()
            if Lexer.isAlphaNumeric(scalar) { continue }
            backup()
            let word = String(decoding: input[start..<position], as: UTF8.self)
            if !atTerminator() { return error("bad character \(GoQuote.unicodeDescription(scalar))") }
            if let keyword = Token.Kind.keywords[word], keyword != .dot {
                if keyword == .breakKeyword && !breakAllowed || keyword == .continueKeyword && !continueAllowed {
                    return emit(.identifier)
                }
                return emit(keyword)
            }
            if word == "true" || word == "false" { return emit(.bool) }
            return emit(.identifier)
        }
    }

    private mutating func lexFieldOrVariable(_ kind: Token.Kind) -> State? {
        if atTerminator() { return emit(kind == .variable ? .variable : .dot) }
        var scalar: Unicode.Scalar?
        while true {
            scalar = next()
            if !Lexer.isAlphaNumeric(scalar) {
                backup()
                break
            }
        }
        if !atTerminator() { return error("bad character \(GoQuote.unicodeDescription(scalar))") }
        return emit(kind)
    }

    private mutating func lexQuoted(kind: Token.Kind, quote: Unicode.Scalar, unterminated: String) -> State? {
        while true {
            switch next() {
            case "\\":
                let escaped = next()
                if escaped != nil && escaped != "\n" { continue }
                return error(unterminated)
            case nil, "\n":
                return error(unterminated)
            case quote:
                return emit(kind)
            default:
                continue
            }
        }
    }

    private mutating func lexRawQuote() -> State? {
        while true {
            switch next() {
            case nil: return error("unterminated raw quoted string")
            case "`": return emit(.rawString)
            default: continue
            }
        }
    }

    private mutating func lexNumber() -> State? {
        if !scanNumber() {
            return error("bad number syntax: \(GoQuote.quote(String(decoding: input[start..<position], as: UTF8.self)))")
        }
        if let sign = peek(), sign == "+" || sign == "-" {
            if !scanNumber() || input[position - 1] != UInt8(ascii: "i") {
                return error("bad number syntax: \(GoQuote.quote(String(decoding: input[start..<position], as: UTF8.self)))")
            }
            return emit(.complex)
        }
        return emit(.number)
    }

    private mutating func scanNumber() -> Bool {
        _ = accept("+-")
        var digits = "0123456789_"
        if accept("0") {
            if accept("xX") {
                digits = "0123456789abcdefABCDEF_"
            } else if accept("oO") {
                digits = "01234567_"
            } else if accept("bB") {
                digits = "01_"
            }
        }
        acceptRun(digits)
        if accept(".") { acceptRun(digits) }
        if digits.count == 11 && accept("eE") {
            _ = accept("+-")
            acceptRun("0123456789_")
        }
        if digits.count == 23 && accept("pP") {
            _ = accept("+-")
            acceptRun("0123456789_")
        }
        _ = accept("i")
        if Lexer.isAlphaNumeric(peek()) {
            _ = next()
            return false
        }
        return true
    }
}

extension Unicode.Scalar {
    var utf8Width: Int {
        switch value {
        case 0..<0x80: 1
        case 0x80..<0x800: 2
        case 0x800..<0x10000: 3
        default: 4
        }
    }
}
