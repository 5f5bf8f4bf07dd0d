/// Go's `text/template/parse` parser: builds the tree of one source text and collects the templates it
/// defines. Mirrors Go's grammar, positions and error messages.
struct Parser {
    struct Failure: Error {
        let message: String
        let line: Int
        /// Whether parsing stopped at the ``StackBoundary`` rather than at an error in the text.
        var isStackExhausted = false
    }

    private var lexer: Lexer
    private let source: TemplateSource
    private let library: FunctionLibrary
    private let maxDepth: Int
    private let stack: StackBoundary?
    private var tokens: [Token] = Array(repeating: Token(kind: .eof, position: 0, value: "", line: 1), count: 3)
    private var peekCount = 0
    private var variables: [String] = ["$"]
    private var rangeDepth = 0
    private var stackDepth = 0
    private var actionLine = 0
    /// Templates in the order they were completed (defines first, the top level last), as Go adds them.
    private(set) var definitions: [(name: String, root: ListNode)] = []

    init(source: TemplateSource, library: FunctionLibrary, leftDelim: String, rightDelim: String, maxDepth: Int, stack: StackBoundary?) {
        self.source = source
        self.library = library
        self.maxDepth = maxDepth
        self.stack = stack
        lexer = Lexer(
            input: Array(source.text.utf8), leftDelim: leftDelim, rightDelim: rightDelim,
            breakAllowed: library["break"] == nil, continueAllowed: library["continue"] == nil)
    }

    /// Parses the whole text; the top-level template gets `name`.
    mutating func parse(name: String) throws(Failure) {
        var nodes: [StatementNode] = []
        let rootPosition = peek().position
        while peek().kind != .eof {
            if peek().kind == .leftDelim {
                let delim = next()
                if nextNonSpace().kind == .define {
                    try parseDefinition()
                    continue
                }
                backup2(delim)
            }
            let node = try textOrAction()
            switch node {
            case .statement(let statement): nodes.append(statement)
            case .end(let text), .elseMarker(let text): try fail("unexpected \(text)")
            }
        }
        try add(name: name, root: ListNode(position: rootPosition, nodes: nodes))
    }

    // MARK: - Token stream

    private mutating func next() -> Token {
        if peekCount > 0 {
            peekCount -= 1
        } else {
            tokens[0] = lexer.nextToken()
        }
        return tokens[peekCount]
    }

    private mutating func backup() { peekCount += 1 }

    private mutating func backup2(_ first: Token) {
        tokens[1] = first
        peekCount = 2
    }

    private mutating func backup3(_ second: Token, _ first: Token) {
        tokens[1] = first
        tokens[2] = second
        peekCount = 3
    }

    private mutating func peek() -> Token {
        if peekCount > 0 { return tokens[peekCount - 1] }
        peekCount = 1
        tokens[0] = lexer.nextToken()
        return tokens[0]
    }

    private mutating func nextNonSpace() -> Token {
        var token: Token
        repeat { token = next() } while token.kind == .space
        return token
    }

    private mutating func peekNonSpace() -> Token {
        let token = nextNonSpace()
        backup()
        return token
    }

    // MARK: - Errors

    private func fail(_ message: String) throws(Failure) -> Never {
        throw Failure(message: message, line: tokens[0].line)
    }

    private mutating func expect(_ kind: Token.Kind, _ context: String) throws(Failure) -> Token {
        let token = nextNonSpace()
        if token.kind != kind { try unexpected(token, context) }
        return token
    }

    private func unexpected(_ token: Token, _ context: String) throws(Failure) -> Never {
        if token.kind == .error {
            var extra = ""
            if actionLine != 0 && actionLine != token.line {
                extra = " in action started at \(source.name):\(actionLine)"
                if token.value.hasSuffix(" action") { extra = String(extra.dropFirst(" in action".count)) }
            }
            try fail(token.value + extra)
        }
        try fail("unexpected \(token.errorDescription) in \(context)")
    }

    // MARK: - Definitions

    private mutating func add(name: String, root: ListNode) throws(Failure) {
        if let existing = definitions.firstIndex(where: { $0.name == name }) {
            if definitions[existing].root.isEmpty {
                definitions[existing] = (name, root)
                return
            }
            if !root.isEmpty { try fail("template: multiple definition of template \(GoQuote.quote(name))") }
            return
        }
        definitions.append((name, root))
    }

    private mutating func parseDefinition() throws(Failure) {
        let context = "define clause"
        let nameToken = nextNonSpace()
        if nameToken.kind != .string && nameToken.kind != .rawString { try unexpected(nameToken, context) }
        let name: String
        do { name = try GoQuote.unquote(nameToken.value) } catch { try fail("invalid syntax") }
        _ = try expect(.rightDelim, context)
        let savedVariables = variables
        variables = ["$"]
        let (list, end) = try itemList()
        variables = savedVariables
        guard case .end = end else { try fail("unexpected \(end.text) in \(context)") }
        try add(name: name, root: list)
    }

    // MARK: - Lists and actions

    private enum Parsed {
        case statement(StatementNode)
        case end(String)
        case elseMarker(String)

        var text: String {
            switch self {
            case .statement(let node): node.node.sourceText
            case .end(let text), .elseMarker(let text): text
            }
        }
    }

    /// Every nested control structure recurses through here, as deep as the text nests them.
    private mutating func itemList() throws(Failure) -> (ListNode, Parsed) {
        if let stack, stack.isExceeded {
            throw Failure(message: "exceeded the stack available to the parser", line: tokens[0].line, isStackExhausted: true)
        }
        let position = peekNonSpace().position
        var nodes: [StatementNode] = []
        while peekNonSpace().kind != .eof {
            let node = try textOrAction()
            switch node {
            case .end, .elseMarker: return (ListNode(position: position, nodes: nodes), node)
            case .statement(let statement): nodes.append(statement)
            }
        }
        try fail("unexpected EOF")
    }

    private mutating func textOrAction() throws(Failure) -> Parsed {
        let token = nextNonSpace()
        switch token.kind {
        case .text:
            return .statement(.text(TextNode(position: token.position, text: token.value)))
        case .leftDelim:
            actionLine = token.line
            defer { actionLine = 0 }
            return try action()
        case .comment:
            return .statement(.comment(CommentNode(position: token.position, text: token.value)))
        default:
            try unexpected(token, "input")
        }
    }

    private mutating func action() throws(Failure) -> Parsed {
        let token = nextNonSpace()
        switch token.kind {
        case .block: return .statement(try blockControl())
        case .breakKeyword: return .statement(try loopControl(token, isBreak: true))
        case .continueKeyword: return .statement(try loopControl(token, isBreak: false))
        case .elseKeyword: return try elseControl()
        case .end:
            _ = try expect(.rightDelim, "end")
            return .end("{{end}}")
        case .ifKeyword: return .statement(.branch(try branchControl(.ifBranch)))
        case .range: return .statement(.branch(try branchControl(.rangeLoop)))
        case .template: return .statement(try templateControl())
        case .with: return .statement(.branch(try branchControl(.with)))
        default: break
        }
        backup()
        let first = peek()
        let pipe = try pipeline("command", end: .rightDelim)
        return .statement(.action(ActionNode(position: first.position, line: first.line, pipe: pipe)))
    }

    private mutating func loopControl(_ token: Token, isBreak: Bool) throws(Failure) -> StatementNode {
        let name = isBreak ? "{{break}}" : "{{continue}}"
        let following = nextNonSpace()
        if following.kind != .rightDelim { try unexpected(following, name) }
        if rangeDepth == 0 { try fail("\(name) outside {{range}}") }
        return .loopControl(LoopControlNode(position: token.position, isBreak: isBreak))
    }

    private mutating func elseControl() throws(Failure) -> Parsed {
        let following = peekNonSpace()
        if following.kind == .ifKeyword || following.kind == .with { return .elseMarker("{{else}}") }
        _ = try expect(.rightDelim, "else")
        return .elseMarker("{{else}}")
    }

    private mutating func branchControl(_ kind: BranchNode.Kind) throws(Failure) -> BranchNode {
        let context = kind.rawValue
        let savedCount = variables.count
        defer { variables.removeSubrange(savedCount...) }
        let pipe = try pipeline(context, end: .rightDelim)
        if kind == .rangeLoop { rangeDepth += 1 }
        let (list, next) = try itemList()
        if kind == .rangeLoop { rangeDepth -= 1 }
        var elseList: ListNode?
        if case .elseMarker = next {
            if kind == .ifBranch && peek().kind == .ifKeyword || kind == .with && peek().kind == .with {
                let elsePosition = tokens[0].position
                _ = self.next()
                let nested = try branchControl(kind)
                elseList = ListNode(position: elsePosition, nodes: [.branch(nested)])
            } else {
                let (otherList, end) = try itemList()
                guard case .end = end else { try fail("expected end; found \(end.text)") }
                elseList = otherList
            }
        }
        return BranchNode(kind: kind, position: pipe.position, line: pipe.line, pipe: pipe, list: list, elseList: elseList)
    }

    private mutating func blockControl() throws(Failure) -> StatementNode {
        let context = "block clause"
        let token = nextNonSpace()
        let name = try templateName(token, context)
        let pipe = try pipeline(context, end: .rightDelim)
        let savedVariables = variables
        let savedRangeDepth = rangeDepth
        variables = ["$"]
        rangeDepth = 0
        let (list, end) = try itemList()
        variables = savedVariables
        rangeDepth = savedRangeDepth
        guard case .end = end else { try fail("unexpected \(end.text) in \(context)") }
        try add(name: name, root: list)
        return .template(TemplateCallNode(position: token.position, line: token.line, name: name, pipe: pipe))
    }

    private mutating func templateControl() throws(Failure) -> StatementNode {
        let context = "template clause"
        let token = nextNonSpace()
        let name = try templateName(token, context)
        var pipe: PipeNode?
        if nextNonSpace().kind != .rightDelim {
            backup()
            pipe = try pipeline(context, end: .rightDelim)
        }
        return .template(TemplateCallNode(position: token.position, line: token.line, name: name, pipe: pipe))
    }

    private func templateName(_ token: Token, _ context: String) throws(Failure) -> String {
        guard token.kind == .string || token.kind == .rawString else { try unexpected(token, context) }
        do { return try GoQuote.unquote(token.value) } catch { try fail("invalid syntax") }
    }

    // MARK: - Pipelines

    private mutating func pipeline(_ context: String, end: Token.Kind) throws(Failure) -> PipeNode {
        let first = peekNonSpace()
        var declarations: [VariableNode] = []
        var isAssign = false
        declarations: while true {
            let variable = peekNonSpace()
            guard variable.kind == .variable else { break }
            _ = next()
            let tokenAfterVariable = peek()
            let following = peekNonSpace()
            if following.kind == .assign || following.kind == .declare {
                isAssign = following.kind == .assign
                _ = nextNonSpace()
                declarations.append(VariableNode(position: variable.position, names: variable.value.split(separator: ".", omittingEmptySubsequences: false).map(String.init)))
                variables.append(variable.value)
            } else if following.kind == .char && following.value == "," {
                _ = nextNonSpace()
                declarations.append(VariableNode(position: variable.position, names: variable.value.split(separator: ".", omittingEmptySubsequences: false).map(String.init)))
                variables.append(variable.value)
                if context == "range" && declarations.count < 2 {
                    switch peekNonSpace().kind {
                    case .variable, .rightDelim, .rightParen: continue declarations
                    default: try fail("range can only initialize variables")
                    }
                }
                try fail("too many declarations in \(context)")
            } else if tokenAfterVariable.kind == .space {
                backup3(variable, tokenAfterVariable)
            } else {
                backup2(variable)
            }
            break
        }
        var commands: [CommandNode] = []
        while true {
            let token = nextNonSpace()
            switch token.kind {
            case end:
                if commands.isEmpty { try fail("missing value for \(context)") }
                for (index, command) in commands.enumerated().dropFirst() where command.arguments[0].isNonExecutable {
                    try fail("non executable command in pipeline stage \(index + 1)")
                }
                return PipeNode(position: first.position, line: first.line, isAssign: isAssign, declarations: declarations, commands: commands)
            case .bool, .charConstant, .complex, .dot, .field, .identifier, .number, .nilKeyword, .rawString, .string,
                .variable, .leftParen:
                backup()
                commands.append(try command())
            default:
                try unexpected(token, context)
            }
        }
    }

    private mutating func command() throws(Failure) -> CommandNode {
        let position = peekNonSpace().position
        var arguments: [OperandNode] = []
        loop: while true {
            _ = peekNonSpace()
            if let operand = try operand() { arguments.append(operand) }
            let token = next()
            switch token.kind {
            case .space: continue loop
            case .rightDelim, .rightParen: backup()
            case .pipe: break
            default: try unexpected(token, "operand")
            }
            break
        }
        if arguments.isEmpty { try fail("empty command") }
        return CommandNode(position: position, arguments: arguments)
    }

    private mutating func operand() throws(Failure) -> OperandNode? {
        guard let term = try term() else { return nil }
        guard peek().kind == .field else { return term }
        let chainPosition = peek().position
        var fields: [String] = []
        while peek().kind == .field { fields.append(String(next().value.dropFirst())) }
        switch term {
        case .field(let field):
            return .field(FieldNode(position: chainPosition, names: field.names + fields))
        case .variable(let variable):
            return .variable(VariableNode(position: chainPosition, names: variable.names + fields))
        case .bool, .string, .number, .nilLiteral, .dot:
            try fail("unexpected . after term \(GoQuote.quote(term.node.sourceText))")
        default:
            return .chain(ChainNode(position: chainPosition, base: term, names: fields))
        }
    }

    private mutating func term() throws(Failure) -> OperandNode? {
        let token = nextNonSpace()
        switch token.kind {
        case .identifier:
            guard let (function, isBuiltin) = library.lookup(token.value) else { try fail("function \(GoQuote.quote(token.value)) not defined") }
            return .identifier(IdentifierNode(position: token.position, name: token.value, function: function, isBuiltin: isBuiltin))
        case .dot:
            return .dot(LiteralNode(position: token.position, text: "."))
        case .nilKeyword:
            return .nilLiteral(LiteralNode(position: token.position, text: "nil"))
        case .variable:
            let names = token.value.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            if !variables.contains(names[0]) { try fail("undefined variable \(GoQuote.quote(names[0]))") }
            return .variable(VariableNode(position: token.position, names: names))
        case .field:
            return .field(FieldNode(position: token.position, names: [String(token.value.dropFirst())]))
        case .bool:
            return .bool(BoolNode(position: token.position, value: token.value == "true"))
        case .charConstant, .complex, .number:
            do {
                return .number(try NumberNode.parse(position: token.position, text: token.value, kind: token.kind))
            } catch {
                try fail(error.message)
            }
        case .leftParen:
            if stackDepth >= maxDepth { try fail("max expression depth exceeded") }
            stackDepth += 1
            defer { stackDepth -= 1 }
            return .pipe(try pipeline("parenthesized pipeline", end: .rightParen))
        case .string, .rawString:
            do {
                return .string(StringNode(position: token.position, quoted: token.value, value: try GoQuote.unquote(token.value)))
            } catch {
                try fail("invalid syntax")
            }
        default:
            backup()
            return nil
        }
    }
}
