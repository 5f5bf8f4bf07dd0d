import Foundation
import KubeModel

extension JQPathExpression {
    /// A recursive-descent parser for the supported subset. `yieldsPaths` says whether the expression
    /// being parsed is in path position, where literals and operators (whose results are not paths)
    /// are errors.
    struct Parser {
        let source: String
        let characters: [Character]
        var position = 0

        init(source: String) {
            self.source = source
            characters = Array(source)
        }

        mutating func parseExpression() throws(SyntaxError) -> Node {
            let node = try parsePipe(yieldsPaths: true)
            skipWhitespace()
            guard position == characters.count else { throw unexpected() }
            return node
        }

        private mutating func parsePipe(yieldsPaths: Bool) throws(SyntaxError) -> Node {
            var node = try parseComma(yieldsPaths: yieldsPaths)
            while consumeOperator("|") {
                node = .pipe(node, try parseComma(yieldsPaths: yieldsPaths))
            }
            return node
        }

        private mutating func parseComma(yieldsPaths: Bool) throws(SyntaxError) -> Node {
            var node = try parseOr(yieldsPaths: yieldsPaths)
            while consumeOperator(",") {
                node = .comma(node, try parseOr(yieldsPaths: yieldsPaths))
            }
            return node
        }

        private mutating func parseOr(yieldsPaths: Bool) throws(SyntaxError) -> Node {
            var node = try parseAnd(yieldsPaths: yieldsPaths)
            while let start = consumeKeyword("or") {
                if yieldsPaths { throw notAPath("`or`", at: start) }
                node = .logical(node, try parseAnd(yieldsPaths: false), decidedBy: true)
            }
            return node
        }

        private mutating func parseAnd(yieldsPaths: Bool) throws(SyntaxError) -> Node {
            var node = try parseComparison(yieldsPaths: yieldsPaths)
            while let start = consumeKeyword("and") {
                if yieldsPaths { throw notAPath("`and`", at: start) }
                node = .logical(node, try parseComparison(yieldsPaths: false), decidedBy: false)
            }
            return node
        }

        private mutating func parseComparison(yieldsPaths: Bool) throws(SyntaxError) -> Node {
            let left = try parsePostfix(yieldsPaths: yieldsPaths)
            skipWhitespace()
            let start = position
            let negated: Bool
            if consume("==") {
                negated = false
            } else if consume("!=") {
                negated = true
            } else if let symbol = Self.unsupportedOperators.first(where: { lookingAt($0) }) {
                throw error("the operator `\(symbol)` is not supported; conditions may use == and !=", at: start)
            } else {
                return left
            }
            if yieldsPaths { throw notAPath(negated ? "`!=`" : "`==`", at: start) }
            return .equal(left, try parsePostfix(yieldsPaths: false), negated: negated)
        }

        /// Operators jq has and this subset does not, longest first so that `//=` is not read as `//`.
        private static let unsupportedOperators = [
            "?//", "//=", "|=", "+=", "-=", "*=", "/=", "%=", "<=", ">=", "//", "=", "<", ">", "+", "-", "*", "/", "%",
        ]

        private mutating func parsePostfix(yieldsPaths: Bool) throws(SyntaxError) -> Node {
            var node = try parsePrimary(yieldsPaths: yieldsPaths)
            while true {
                skipWhitespace()
                if lookingAt("?//") { return node }
                if consume("?") {
                    node = .optional(node)
                } else if consume("[") {
                    node = try parseBracket(after: node)
                } else if lookingAt("."), !lookingAt("..") {
                    position += 1
                    node = try parseField(after: node)
                } else {
                    return node
                }
            }
        }

        /// After `.`: a name, a quoted name or a bracket.
        private mutating func parseField(after base: Node) throws(SyntaxError) -> Node {
            if let name = consumeIdentifier() {
                return .index(base, key: .literal(.string(name)))
            }
            skipWhitespace()
            if lookingAt("\"") {
                return .index(base, key: .literal(.string(try parseString())))
            }
            if consume("[") {
                return try parseBracket(after: base)
            }
            throw unexpected()
        }

        /// After `[`: `]` to iterate, or an index expression and `]`.
        private mutating func parseBracket(after base: Node) throws(SyntaxError) -> Node {
            if consumeOperator("]") { return .iterate(base) }
            let key = try parsePipe(yieldsPaths: false)
            skipWhitespace()
            if lookingAt(":") { throw error("slices (`[from:to]`) are not supported", at: position) }
            guard consume("]") else { throw unexpected() }
            return .index(base, key: key)
        }

        private mutating func parsePrimary(yieldsPaths: Bool) throws(SyntaxError) -> Node {
            skipWhitespace()
            let start = position
            guard let character = peek() else { throw error("the expression ends where a term was expected", at: start) }
            switch character {
            case "." where lookingAt(".."):
                throw error("recursive descent (`..`) is not supported", at: start)
            case ".":
                position += 1
                if let name = consumeIdentifier() {
                    return .index(.identity, key: .literal(.string(name)))
                }
                skipWhitespace()
                if lookingAt("\"") {
                    return .index(.identity, key: .literal(.string(try parseString())))
                }
                return .identity
            case "(":
                position += 1
                let node = try parsePipe(yieldsPaths: yieldsPaths)
                guard consumeOperator(")") else { throw unexpected() }
                return node
            case "\"":
                if yieldsPaths { throw notAPath("a string", at: start) }
                return .literal(.string(try parseString()))
            case "-", "0"..."9":
                if yieldsPaths { throw notAPath("a number", at: start) }
                return .literal(try parseNumber())
            case "$":
                throw error("variables are not supported", at: start)
            case "{":
                throw error("object construction is not supported", at: start)
            case "[":
                throw error("array construction is not supported", at: start)
            case "@":
                throw error("formats (`@base64` and the like) are not supported", at: start)
            case "#":
                throw error("comments are not supported", at: start)
            default:
                guard let word = consumeIdentifier() else { throw unexpected() }
                return try parseWord(word, at: start, yieldsPaths: yieldsPaths)
            }
        }

        /// A literal keyword or a function call.
        private mutating func parseWord(_ word: String, at start: Int, yieldsPaths: Bool) throws(SyntaxError) -> Node {
            let literals: [String: JSONValue] = ["true": .bool(true), "false": .bool(false), "null": .null]
            if let literal = literals[word] {
                if yieldsPaths { throw notAPath("`\(word)`", at: start) }
                return .literal(literal)
            }
            let pathFunctions: Set = ["select", "empty"]
            let valueFunctions: Set = ["not", "has", "startswith", "endswith", "test", "contains"]
            guard pathFunctions.contains(word) || valueFunctions.contains(word) else {
                throw error("`\(word)` is not supported", at: start)
            }
            if yieldsPaths && valueFunctions.contains(word) { throw notAPath("`\(word)`", at: start) }
            let arguments = try parseArguments()
            switch (word, arguments.count) {
            case ("select", 1): return .select(arguments[0])
            case ("empty", 0): return .empty
            case ("not", 0): return .not
            case ("has", 1): return .has(arguments[0])
            case ("startswith", 1): return .startsWith(arguments[0])
            case ("endswith", 1): return .endsWith(arguments[0])
            case ("test", 1): return .test(arguments[0], flags: .literal(.null))
            case ("test", 2): return .test(arguments[0], flags: arguments[1])
            case ("contains", 1): return .contains(arguments[0])
            default: throw error("`\(word)` does not take \(arguments.count) argument(s)", at: start)
            }
        }

        /// `(a; b; ...)` after a function name, or nothing.
        private mutating func parseArguments() throws(SyntaxError) -> [Node] {
            guard consumeOperator("(") else { return [] }
            var arguments = [try parsePipe(yieldsPaths: false)]
            while consumeOperator(";") {
                arguments.append(try parsePipe(yieldsPaths: false))
            }
            guard consumeOperator(")") else { throw unexpected() }
            return arguments
        }

        private mutating func parseString() throws(SyntaxError) -> String {
            let start = position
            position += 1
            var text = ""
            while let character = peek() {
                position += 1
                switch character {
                case "\"":
                    return text
                case "\\":
                    let escapeStart = position - 1
                    guard let escaped = peek() else { break }
                    position += 1
                    switch escaped {
                    case "\"", "\\", "/": text.append(escaped)
                    case "b": text.append("\u{8}")
                    case "f": text.append("\u{c}")
                    case "n": text.append("\n")
                    case "r": text.append("\r")
                    case "t": text.append("\t")
                    case "u": text.unicodeScalars.append(try parseUnicodeEscape(at: escapeStart))
                    case "(": throw error("string interpolation is not supported", at: escapeStart)
                    default: throw error("`\\\(escaped)` is not a valid escape", at: escapeStart)
                    }
                default:
                    text.append(character)
                }
            }
            throw error("the string is not closed", at: start)
        }

        /// The four hex digits after `\u`.
        private mutating func parseUnicodeEscape(at start: Int) throws(SyntaxError) -> Unicode.Scalar {
            guard position + 4 <= characters.count,
                let code = UInt32(String(characters[position..<position + 4]), radix: 16),
                let scalar = Unicode.Scalar(code)
            else { throw error("`\\u` must be followed by four hex digits of a character", at: start) }
            position += 4
            return scalar
        }

        private mutating func parseNumber() throws(SyntaxError) -> JSONValue {
            let start = position
            if peek() == "-" { position += 1 }
            while let character = peek(), character.isASCII, character.isNumber || "+-.eE".contains(character) {
                // A sign belongs to the number only right after an exponent marker.
                if "+-".contains(character), !"eE".contains(characters[position - 1]) { break }
                position += 1
            }
            let text = String(characters[start..<position])
            guard let value = try? JSONParser.parse(text), value.numberValue != nil else {
                throw error("`\(text)` is not a number", at: start)
            }
            return value
        }

        private func peek() -> Character? {
            position < characters.count ? characters[position] : nil
        }

        private func lookingAt(_ text: String) -> Bool {
            let end = position + text.count
            return end <= characters.count && characters[position..<end].elementsEqual(text)
        }

        private mutating func consume(_ text: String) -> Bool {
            guard lookingAt(text) else { return false }
            position += text.count
            return true
        }

        /// Consumes punctuation after whitespace.
        private mutating func consumeOperator(_ symbol: String) -> Bool {
            skipWhitespace()
            return consume(symbol)
        }

        /// Consumes `keyword` as a whole word after whitespace, returning where it started.
        private mutating func consumeKeyword(_ keyword: String) -> Int? {
            skipWhitespace()
            let start = position
            guard consumeIdentifier() == keyword else {
                position = start
                return nil
            }
            return start
        }

        private mutating func consumeIdentifier() -> String? {
            guard let first = peek(), first.isASCII, first.isLetter || first == "_" else { return nil }
            let start = position
            while let character = peek(), character.isASCII, character.isLetter || character.isNumber || character == "_" {
                position += 1
            }
            return String(characters[start..<position])
        }

        private mutating func skipWhitespace() {
            while let character = peek(), character.isWhitespace { position += 1 }
        }

        private func error(_ reason: String, at offset: Int) -> SyntaxError {
            SyntaxError(expression: source, column: offset + 1, reason: reason)
        }

        private func unexpected() -> SyntaxError {
            guard let character = peek() else { return error("the expression ends too early", at: position) }
            return error("unexpected `\(character)`", at: position)
        }

        private func notAPath(_ construct: String, at offset: Int) -> SyntaxError {
            error("\(construct) yields a value, not a path; only paths can be ignored (use it inside select(...))", at: offset)
        }
    }
}
