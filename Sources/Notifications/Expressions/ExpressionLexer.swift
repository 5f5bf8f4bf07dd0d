/// Splits a trigger expression into tokens (expr-lang's lexical rules for the supported subset).
struct ExpressionLexer {
    /// Symbols, longest first so that `==` wins over `=`.
    private static let symbols = ["?.", "??", "==", "!=", "<=", ">=", "&&", "||", "..", ".", "(", ")", "[", "]", ",", "<", ">", "!", "+", "-", "*", "/", "%", "?", ":", "|"]

    static func tokens(_ text: String) throws(ExpressionError) -> [ExpressionToken] {
        let characters = Array(text)
        var tokens: [ExpressionToken] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let column = index + 1
            if character.isWhitespace {
                index += 1
            } else if character.isLetter || character == "_" || character == "$" {
                var end = index
                while end < characters.count, characters[end].isLetter || characters[end].isNumber || characters[end] == "_" || characters[end] == "$" { end += 1 }
                tokens.append(ExpressionToken(kind: .identifier(String(characters[index..<end])), column: column))
                index = end
            } else if character.isNumber {
                var end = index
                while end < characters.count, characters[end].isNumber || characters[end] == "_" || characters[end] == "e" || characters[end] == "E"
                    || (characters[end] == "." && end + 1 < characters.count && characters[end + 1].isNumber)
                {
                    end += 1
                }
                tokens.append(ExpressionToken(kind: .number(String(characters[index..<end].filter { $0 != "_" })), column: column))
                index = end
            } else if character == "'" || character == "\"" || character == "`" {
                let (value, end) = try string(characters, from: index, text: text)
                tokens.append(ExpressionToken(kind: .string(value), column: column))
                index = end
            } else if let symbol = symbols.first(where: { matches($0, characters, at: index) }) {
                tokens.append(ExpressionToken(kind: .symbol(symbol), column: column))
                index += symbol.count
            } else {
                throw ExpressionError("unexpected character '\(character)'", column: column, in: text)
            }
        }
        tokens.append(ExpressionToken(kind: .end, column: characters.count + 1))
        return tokens
    }

    private static func matches(_ symbol: String, _ characters: [Character], at index: Int) -> Bool {
        let symbolCharacters = Array(symbol)
        guard index + symbolCharacters.count <= characters.count else { return false }
        return Array(characters[index..<index + symbolCharacters.count]) == symbolCharacters
    }

    /// A quoted string starting at `start`; backquoted strings are raw, the others know the usual escapes.
    private static func string(_ characters: [Character], from start: Int, text: String) throws(ExpressionError) -> (String, Int) {
        let quote = characters[start]
        var value = ""
        var index = start + 1
        while index < characters.count {
            let character = characters[index]
            if character == quote { return (value, index + 1) }
            if character == "\\" && quote != "`" && index + 1 < characters.count {
                index += 1
                switch characters[index] {
                case "n": value.append("\n")
                case "t": value.append("\t")
                case "r": value.append("\r")
                default: value.append(characters[index])
                }
            } else {
                value.append(character)
            }
            index += 1
        }
        throw ExpressionError("unterminated string", column: start + 1, in: text)
    }
}
