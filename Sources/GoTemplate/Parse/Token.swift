/// A lexical item of template source, as Go's `text/template/parse` lexer produces them.
struct Token: Sendable {
    enum Kind: Sendable, Equatable {
        case error
        case bool
        case char
        case charConstant
        case comment
        case complex
        case assign
        case declare
        case eof
        case field
        case identifier
        case leftDelim
        case leftParen
        case number
        case pipe
        case rawString
        case rightDelim
        case rightParen
        case space
        case string
        case text
        case variable
        // Keywords: Go prints these as <word> in errors.
        case block
        case breakKeyword
        case continueKeyword
        case dot
        case define
        case elseKeyword
        case end
        case ifKeyword
        case nilKeyword
        case range
        case template
        case with

        var isKeyword: Bool {
            switch self {
            case .block, .breakKeyword, .continueKeyword, .dot, .define, .elseKeyword, .end, .ifKeyword,
                .nilKeyword, .range, .template, .with:
                true
            default:
                false
            }
        }

        static let keywords: [String: Kind] = [
            ".": .dot, "block": .block, "break": .breakKeyword, "continue": .continueKeyword,
            "define": .define, "else": .elseKeyword, "end": .end, "if": .ifKeyword, "range": .range,
            "nil": .nilKeyword, "template": .template, "with": .with,
        ]
    }

    var kind: Kind
    /// Byte offset of the token in the source.
    var position: Int
    var value: String
    /// The line the token starts on (1-based).
    var line: Int

    /// How Go's parser names the token in "unexpected ..." errors.
    var errorDescription: String {
        switch kind {
        case .eof: return "EOF"
        case .error: return value
        default:
            if kind.isKeyword { return "<\(value)>" }
            let scalars = value.unicodeScalars
            if value.utf8.count > 10 {
                return GoQuote.quote(String(String.UnicodeScalarView(scalars.prefix(10)))) + "..."
            }
            return GoQuote.quote(value)
        }
    }
}
