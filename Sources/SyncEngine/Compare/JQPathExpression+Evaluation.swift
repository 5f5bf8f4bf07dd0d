import Foundation
import KubeModel

extension JQPathExpression {
    /// A parsed expression.
    indirect enum Node: Sendable {
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
    typealias Item = (value: JSONValue, path: [PathComponent]?)

    /// What an expression produced before it finished or failed; outputs before a failure count
    /// when a `?` swallows it.
    typealias Outputs = (items: [Item], failed: Bool)

    static func evaluate(_ node: Node, on input: Item) -> Outputs {
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
