import Foundation
public import KubeModel

/// A jq path expression from `ignoreDifferences[].jqPathExpressions`: the paths it yields in an object
/// are the fields that do not count (Argo CD runs `del(EXPR)` with gojq).
///
/// Only the subset that ignore rules use is understood: `.`, `.name`, `."quoted.name"`, `.["name"]`,
/// `.[n]` (negative counts from the end), `.[]` over arrays and objects, a `?` suffix that swallows
/// errors, `|`, `,`, parentheses, `select(COND)` and `empty`. Conditions may also use `==`, `!=`, `and`,
/// `or`, `not`, `has(k)`, `startswith(s)`, `endswith(s)`, `test(re)`, `test(re; flags)`, `contains(x)`
/// and string, number, boolean and null literals. Anything else is rejected when parsing, with the
/// column where the unsupported syntax starts, rather than silently ignoring less than the user asked.
public struct JQPathExpression: Sendable, CustomStringConvertible {
    /// One step of a path: an object member or an array element.
    public enum PathComponent: Sendable, Hashable, Comparable, CustomStringConvertible {
        case key(String)
        case index(Int)

        /// jq's order, which `delpaths` relies on: numbers before strings.
        public static func < (lhs: PathComponent, rhs: PathComponent) -> Bool {
            switch (lhs, rhs) {
            case (.index(let left), .index(let right)): left < right
            case (.key(let left), .key(let right)): left < right
            case (.index, .key): true
            case (.key, .index): false
            }
        }

        public var description: String {
            switch self {
            case .key(let name): JSONWriter.string(.string(name))
            case .index(let index): String(index)
            }
        }
    }

    /// An expression that is not jq, or uses jq beyond the supported subset.
    public struct SyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
        /// The expression as written.
        public var expression: String
        /// Where the offending syntax starts, counting characters from 1.
        public var column: Int
        /// What is wrong and, where it helps, what to write instead.
        public var reason: String

        public var description: String { "unsupported jq syntax at column \(column) of \"\(expression)\": \(reason)" }
    }

    /// The expression as written.
    public let source: String
    private let root: Node

    /// Parses `source`.
    /// - Throws: ``SyntaxError`` when the text is not jq, uses syntax outside the supported subset, or
    ///   is not a path expression (a comparison or literal where a path is needed, as in `.a == 1`).
    public init(parsing source: String) throws(SyntaxError) {
        var parser = Parser(source: source)
        self.source = source
        root = try parser.parseExpression()
    }

    /// The paths the expression yields in `document`, as `path(EXPR)` would.
    ///
    /// An expression that fails on this document (iterating over a missing list without `?`,
    /// indexing a string) yields nothing at all, as upstream's `del` fails and leaves the object alone.
    public func paths(in document: JSONValue) -> [[PathComponent]] {
        let outputs = Self.evaluate(root, on: (document, []))
        guard !outputs.failed else { return [] }
        // Every path-position construct keeps its input's path (the parser rejects the rest), so no
        // output lacks one.
        return outputs.items.compactMap(\.path)
    }

    public var description: String { source }
}

extension JQPathExpression {
    /// A parsed expression.
    fileprivate indirect enum Node: Sendable {
        case identity
        /// `base[key]`; the key is evaluated against the term's input, as jq does.
        case index(Node, key: Node)
        case iterate(Node)
        /// `body?`: errors end the body's outputs without failing the expression.
        case optional(Node)
        case pipe(Node, Node)
        case comma(Node, Node)
        case literal(JSONValue)
        case equal(Node, Node, negated: Bool)
        /// `and` (decided by a false left side) or `or` (decided by a true one).
        case logical(Node, Node, decidedBy: Bool)
        case select(Node)
        case empty
        case not
        case has(Node)
        case startsWith(Node)
        case endsWith(Node)
        case test(Node, flags: Node)
        case contains(Node)
    }

    /// A value with the path it was reached by; values computed rather than reached (literals,
    /// comparison results) have none.
    fileprivate typealias Item = (value: JSONValue, path: [PathComponent]?)

    /// What an expression produced before it finished or failed; outputs before a failure count
    /// when a `?` swallows it.
    fileprivate typealias Outputs = (items: [Item], failed: Bool)

    fileprivate static func evaluate(_ node: Node, on input: Item) -> Outputs {
        switch node {
        case .identity:
            return ([input], false)
        case .literal(let value):
            return ([(value, nil)], false)
        case .index(let base, let key):
            let keys = evaluate(key, on: input)
            var results: [Item] = []
            for key in keys.items {
                let targets = evaluate(base, on: input)
                for target in targets.items {
                    guard let item = index(target, by: key.value) else { return (results, true) }
                    results.append(item)
                }
                if targets.failed { return (results, true) }
            }
            return (results, keys.failed)
        case .iterate(let base):
            let targets = evaluate(base, on: input)
            var results: [Item] = []
            for target in targets.items {
                guard let elements = iterate(target) else { return (results, true) }
                results += elements
            }
            return (results, targets.failed)
        case .optional(let body):
            return (evaluate(body, on: input).items, false)
        case .pipe(let first, let second):
            let firsts = evaluate(first, on: input)
            var results: [Item] = []
            for item in firsts.items {
                let outputs = evaluate(second, on: item)
                results += outputs.items
                if outputs.failed { return (results, true) }
            }
            return (results, firsts.failed)
        case .comma(let first, let second):
            let firsts = evaluate(first, on: input)
            guard !firsts.failed else { return firsts }
            let seconds = evaluate(second, on: input)
            return (firsts.items + seconds.items, seconds.failed)
        case .equal(let left, let right, let negated):
            return apply([left, right], on: input) { .bool(($0[0] == $0[1]) != negated) }
        case .logical(let left, let right, let decidedBy):
            let lefts = evaluate(left, on: input)
            var results: [Item] = []
            for item in lefts.items {
                guard isTruthy(item.value) != decidedBy else {
                    results.append((.bool(decidedBy), nil))
                    continue
                }
                let rights = evaluate(right, on: input)
                results += rights.items.map { (.bool(isTruthy($0.value)), nil) }
                if rights.failed { return (results, true) }
            }
            return (results, lefts.failed)
        case .select(let condition):
            let conditions = evaluate(condition, on: input)
            return (conditions.items.filter { isTruthy($0.value) }.map { _ in input }, conditions.failed)
        case .empty:
            return ([], false)
        case .not:
            return ([(.bool(!isTruthy(input.value)), nil)], false)
        case .has(let key):
            return apply([key], on: input) { has(input.value, $0[0]) }
        case .startsWith(let prefix):
            return apply([prefix], on: input) { arguments in
                guard let text = input.value.stringValue, let prefix = arguments[0].stringValue else { return nil }
                return .bool(text.hasPrefix(prefix))
            }
        case .endsWith(let suffix):
            return apply([suffix], on: input) { arguments in
                guard let text = input.value.stringValue, let suffix = arguments[0].stringValue else { return nil }
                return .bool(text.hasSuffix(suffix))
            }
        case .test(let pattern, let flags):
            return apply([pattern, flags], on: input) { test(input.value, pattern: $0[0], flags: $0[1]) }
        case .contains(let element):
            return apply([element], on: input) { contains(input.value, $0[0]).map(JSONValue.bool) }
        }
    }

    /// Calls `function` with every combination of the arguments' outputs, as jq does for functions of
    /// several arguments; `function` returns nil for an error (wrong input types).
    private static func apply(_ arguments: [Node], on input: Item, _ function: ([JSONValue]) -> JSONValue?) -> Outputs {
        var combinations: [[JSONValue]] = [[]]
        for argument in arguments {
            let outputs = evaluate(argument, on: input)
            guard !outputs.failed else { return ([], true) }
            combinations = combinations.flatMap { prefix in outputs.items.map { prefix + [$0.value] } }
        }
        var results: [Item] = []
        for combination in combinations {
            guard let value = function(combination) else { return (results, true) }
            results.append((value, nil))
        }
        return (results, false)
    }

    /// `.[key]`: a member of an object or an element of an array; null indexes to null, as in jq.
    private static func index(_ target: Item, by key: JSONValue) -> Item? {
        switch (target.value, key) {
        case (.object(let members), .string(let name)):
            return (members[name] ?? .null, target.path.map { $0 + [.key(name)] })
        case (.null, .string(let name)):
            return (.null, target.path.map { $0 + [.key(name)] })
        case (.array(let elements), .number(let number)):
            guard let offset = arrayIndex(number) else { return nil }
            let position = offset < 0 ? offset + elements.count : offset
            let value = elements.indices.contains(position) ? elements[position] : .null
            return (value, target.path.map { $0 + [.index(position)] })
        case (.null, .number(let number)):
            guard let offset = arrayIndex(number) else { return nil }
            return (.null, target.path.map { $0 + [.index(offset)] })
        default:
            return nil
        }
    }

    /// jq truncates fractional indices.
    private static func arrayIndex(_ number: JSONNumber) -> Int? {
        number.int64Value.flatMap { Int(exactly: $0) } ?? Int(exactly: number.doubleValue.rounded(.down))
    }

    /// `.[]`: the elements of an array or the member values of an object.
    private static func iterate(_ target: Item) -> [Item]? {
        switch target.value {
        case .array(let elements):
            return elements.enumerated().map { offset, element in (element, target.path.map { $0 + [.index(offset)] }) }
        case .object(let members):
            return members.map { name, member in (member, target.path.map { $0 + [.key(name)] }) }
        default:
            return nil
        }
    }

    private static func isTruthy(_ value: JSONValue) -> Bool {
        switch value {
        case .null, .bool(false): false
        default: true
        }
    }

    private static func has(_ container: JSONValue, _ key: JSONValue) -> JSONValue? {
        switch (container, key) {
        case (.object(let members), .string(let name)):
            return .bool(members[name] != nil)
        case (.array(let elements), .number(let number)):
            return .bool(number.doubleValue >= 0 && number.doubleValue < Double(elements.count))
        default:
            return nil
        }
    }

    /// jq's `test`: flags `i` (ignore case), `x` (extended), `s` (dot matches newlines); `g` and `n`
    /// change nothing for a yes/no match.
    private static func test(_ input: JSONValue, pattern: JSONValue, flags: JSONValue) -> JSONValue? {
        guard let text = input.stringValue, let pattern = pattern.stringValue else { return nil }
        var options: NSRegularExpression.Options = []
        if let flags = flags.stringValue {
            for flag in flags {
                switch flag {
                case "i": options.insert(.caseInsensitive)
                case "x": options.insert(.allowCommentsAndWhitespace)
                case "s": options.insert(.dotMatchesLineSeparators)
                case "g", "n": break
                default: return nil
                }
            }
        } else if !flags.isNull {
            return nil
        }
        guard let regex = try? NSRegularExpression(pattern: pattern, options: options) else { return nil }
        return .bool(regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil)
    }

    /// jq's `contains`: nil (an error) when the two differ in type.
    private static func contains(_ container: JSONValue, _ element: JSONValue) -> Bool? {
        guard container.typeName == element.typeName else { return nil }
        return isContained(element, in: container)
    }

    /// Substrings for strings, recursively for arrays and objects, equality otherwise; a type
    /// mismatch below the top is a plain "no", as in jq.
    private static func isContained(_ element: JSONValue, in container: JSONValue) -> Bool {
        switch (container, element) {
        case (.string(let text), .string(let part)):
            return part.isEmpty || text.contains(part)
        case (.object(let members), .object(let wanted)):
            return wanted.allSatisfy { name, value in members[name].map { isContained(value, in: $0) } ?? false }
        case (.array(let elements), .array(let wanted)):
            return wanted.allSatisfy { value in elements.contains { isContained(value, in: $0) } }
        default:
            return container == element
        }
    }
}

extension JQPathExpression {
    /// A recursive-descent parser for the supported subset. `yieldsPaths` says whether the expression
    /// being parsed is in path position, where literals and operators (whose results are not paths)
    /// are errors.
    fileprivate struct Parser {
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
