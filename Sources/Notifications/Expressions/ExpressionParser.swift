import KubeModel

/// Parses the subset of expr-lang that Wharf's trigger conditions support: literals (strings,
/// numbers, `true`, `false`, `nil`, arrays), variables, member access (`.`, `?.`, `[...]`),
/// `==`, `!=`, `<`, `<=`, `>`, `>=`, `in`, `not in`, `contains`, `startsWith`, `endsWith`,
/// `and`/`&&`, `or`/`||`, `not`/`!` and parentheses, with expr-lang's precedence.
///
/// Anything else (function calls such as `time.Now()`, arithmetic, `??`, the ternary operator,
/// pipes) is rejected with the column where it starts, so that a configuration error is reported
/// instead of a condition that silently never fires.
struct ExpressionParser {
    private let text: String
    private let tokens: [ExpressionToken]
    private let variables: Set<String>
    private var position = 0

    /// Parses `text`, whose free identifiers must be among `variables`.
    static func parse(_ text: String, variables: Set<String>) throws(ExpressionError) -> ExpressionNode {
        var parser = ExpressionParser(text: text, tokens: try ExpressionLexer.tokens(text), variables: variables)
        let node = try parser.orExpression()
        if parser.current.kind != .end { throw parser.unexpected() }
        return node
    }

    private init(text: String, tokens: [ExpressionToken], variables: Set<String>) {
        self.text = text
        self.tokens = tokens
        self.variables = variables
    }

    private var current: ExpressionToken { tokens[position] }

    private mutating func advance() -> ExpressionToken {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private func isSymbol(_ symbol: String) -> Bool { current.kind == .symbol(symbol) }
    private func isWord(_ word: String) -> Bool { current.kind == .identifier(word) }

    private func error(_ reason: String, at column: Int) -> ExpressionError { ExpressionError(reason, column: column, in: text) }

    private func unexpected() -> ExpressionError {
        switch current.kind {
        case .end: error("unexpected end of expression", at: current.column)
        case .symbol(let symbol) where ["+", "-", "*", "/", "%"].contains(symbol): error("arithmetic ('\(symbol)') is not supported", at: current.column)
        case .symbol("??"): error("the nil-coalescing operator '??' is not supported", at: current.column)
        case .symbol("?"): error("the ternary operator '?:' is not supported", at: current.column)
        case .symbol("|"): error("pipes are not supported", at: current.column)
        case .symbol(let symbol): error("unexpected '\(symbol)'", at: current.column)
        case .identifier(let word): error("unexpected '\(word)'", at: current.column)
        case .string(let value): error("unexpected string '\(value)'", at: current.column)
        case .number(let value): error("unexpected number \(value)", at: current.column)
        }
    }

    private mutating func orExpression() throws(ExpressionError) -> ExpressionNode {
        var left = try andExpression()
        while isWord("or") || isSymbol("||") {
            let column = advance().column
            left = .binary(.or, left, try andExpression(), column: column)
        }
        return left
    }

    private mutating func andExpression() throws(ExpressionError) -> ExpressionNode {
        var left = try comparison()
        while isWord("and") || isSymbol("&&") {
            let column = advance().column
            left = .binary(.and, left, try comparison(), column: column)
        }
        return left
    }

    private mutating func comparison() throws(ExpressionError) -> ExpressionNode {
        var left = try unary()
        while let (operation, column) = try comparisonOperator() {
            left = .binary(operation, left, try unary(), column: column)
        }
        return left
    }

    private mutating func comparisonOperator() throws(ExpressionError) -> (ExpressionNode.Operator, Int)? {
        let column = current.column
        switch current.kind {
        case .symbol(let symbol):
            guard let operation = ExpressionNode.Operator(rawValue: symbol), ["==", "!=", "<", "<=", ">", ">="].contains(symbol) else { return nil }
            _ = advance()
            return (operation, column)
        case .identifier("in"), .identifier("contains"), .identifier("startsWith"), .identifier("endsWith"):
            guard case .identifier(let word) = advance().kind, let operation = ExpressionNode.Operator(rawValue: word) else { return nil }
            return (operation, column)
        case .identifier("not") where tokens[position + 1].kind == .identifier("in"):
            _ = advance()
            _ = advance()
            return (.notIn, column)
        case .identifier("matches"):
            throw error("the 'matches' operator is not supported", at: column)
        default:
            return nil
        }
    }

    private mutating func unary() throws(ExpressionError) -> ExpressionNode {
        if isWord("not") || isSymbol("!") {
            let column = advance().column
            return .not(try unary(), column: column)
        }
        return try postfix()
    }

    private mutating func postfix() throws(ExpressionError) -> ExpressionNode {
        var node = try primary()
        while true {
            if isSymbol(".") || isSymbol("?.") {
                _ = advance()
                let token = advance()
                guard case .identifier(let name) = token.kind else { throw error("expected a field name after '.'", at: token.column) }
                if isSymbol("(") { throw error("calling '\(name)()' is not supported: function calls are outside Wharf's expression subset", at: token.column) }
                node = .member(node, name, column: token.column)
            } else if isSymbol("[") {
                let column = advance().column
                let key = try orExpression()
                guard isSymbol("]") else { throw unexpected() }
                _ = advance()
                node = .index(node, key, column: column)
            } else if isSymbol("(") {
                throw error("function calls are not supported", at: current.column)
            } else {
                return node
            }
        }
    }

    private mutating func primary() throws(ExpressionError) -> ExpressionNode {
        let token = current
        switch token.kind {
        case .string(let value):
            _ = advance()
            return .literal(.string(value))
        case .number(let literal):
            _ = advance()
            if let integer = Int(literal) { return .literal(.int(integer)) }
            guard let value = Double(literal) else { throw error("invalid number \(literal)", at: token.column) }
            return .literal(.double(value))
        case .identifier("true"):
            _ = advance()
            return .literal(.bool(true))
        case .identifier("false"):
            _ = advance()
            return .literal(.bool(false))
        case .identifier("nil"):
            _ = advance()
            return .literal(.null)
        case .identifier(let name):
            _ = advance()
            if isSymbol("(") { throw error("calling '\(name)()' is not supported: function calls are outside Wharf's expression subset", at: token.column) }
            guard variables.contains(name) else {
                if isSymbol("."), case .identifier(let member) = tokens[position + 1].kind, tokens[position + 2].kind == .symbol("(") {
                    throw error("calling '\(name).\(member)()' is not supported: function calls are outside Wharf's expression subset", at: token.column)
                }
                throw error("unknown name '\(name)' (available: \(variables.sorted().joined(separator: ", ")))", at: token.column)
            }
            return .variable(name, column: token.column)
        case .symbol("("):
            _ = advance()
            let node = try orExpression()
            guard isSymbol(")") else { throw unexpected() }
            _ = advance()
            return node
        case .symbol("["):
            _ = advance()
            var elements: [ExpressionNode] = []
            while !isSymbol("]") {
                elements.append(try orExpression())
                if isSymbol(",") { _ = advance() } else if !isSymbol("]") { throw unexpected() }
            }
            _ = advance()
            return .array(elements)
        default:
            throw unexpected()
        }
    }
}
