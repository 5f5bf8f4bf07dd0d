public import KubeModel

/// A compiled trigger expression (a `when` condition or a `oncePer` key) in Wharf's subset of
/// expr-lang, evaluated against variables such as `app` (the Application as JSON).
///
/// Member access is forgiving as expr-lang's `?.` is: a missing field, or a field of a missing
/// object, is nil, so that `app.status.operationState.phase in ['Running']` is simply false for an
/// application that never synced.
public struct ConditionExpression: Sendable {
    /// The source text.
    public let text: String
    let root: ExpressionNode

    /// Compiles `text`; names other than `variables` are an error.
    public init(_ text: String, variables: Set<String> = ["app"]) throws(ExpressionError) {
        self.text = text
        root = try ExpressionParser.parse(text, variables: variables)
    }

    /// The expression's value.
    public func evaluate(_ variables: [String: JSONValue]) throws(ExpressionError) -> JSONValue {
        try evaluate(root, variables)
    }

    /// Whether the expression is `true`; any other value (nil, a string) counts as false, as an
    /// upstream condition that does not yield a boolean does not fire.
    public func isTrue(_ variables: [String: JSONValue]) throws(ExpressionError) -> Bool {
        try evaluate(variables).boolValue ?? false
    }

    private func error(_ reason: String, _ column: Int) -> ExpressionError { ExpressionError(reason, column: column, in: text) }

    private func evaluate(_ node: ExpressionNode, _ variables: [String: JSONValue]) throws(ExpressionError) -> JSONValue {
        switch node {
        case .literal(let value):
            return value
        case .variable(let name, _):
            return variables[name] ?? .null
        case .array(let elements):
            var values: [JSONValue] = []
            for element in elements { values.append(try evaluate(element, variables)) }
            return .array(values)
        case .member(let base, let name, let column):
            return try member(try evaluate(base, variables), .string(name), column)
        case .index(let base, let key, let column):
            return try member(try evaluate(base, variables), try evaluate(key, variables), column)
        case .not(let operand, let column):
            return .bool(!(try boolean(try evaluate(operand, variables), "not", column)))
        case .binary(.and, let left, let right, let column):
            guard try boolean(try evaluate(left, variables), "and", column) else { return .bool(false) }
            return .bool(try boolean(try evaluate(right, variables), "and", column))
        case .binary(.or, let left, let right, let column):
            if try boolean(try evaluate(left, variables), "or", column) { return .bool(true) }
            return .bool(try boolean(try evaluate(right, variables), "or", column))
        case .binary(let operation, let left, let right, let column):
            return try binary(operation, try evaluate(left, variables), try evaluate(right, variables), column)
        }
    }

    private func boolean(_ value: JSONValue, _ operation: String, _ column: Int) throws(ExpressionError) -> Bool {
        guard let flag = value.boolValue else { throw error("'\(operation)' needs booleans, got \(value.typeName)", column) }
        return flag
    }

    private func member(_ base: JSONValue, _ key: JSONValue, _ column: Int) throws(ExpressionError) -> JSONValue {
        switch (base, key) {
        case (.null, _):
            return .null
        case (.object(let members), .string(let name)):
            return members[name] ?? .null
        case (.array(let elements), .number(let number)):
            guard let position = number.int64Value.map(Int.init) else { throw error("array index \(number) is not an integer", column) }
            let index = position < 0 ? elements.count + position : position
            return elements.indices.contains(index) ? elements[index] : .null
        default:
            throw error("cannot read \(key.typeName) key of a \(base.typeName)", column)
        }
    }

    private func binary(_ operation: ExpressionNode.Operator, _ left: JSONValue, _ right: JSONValue, _ column: Int) throws(ExpressionError) -> JSONValue {
        switch operation {
        case .equal: return .bool(left == right)
        case .notEqual: return .bool(left != right)
        case .in, .notIn:
            let found: Bool
            switch right {
            case .array(let elements): found = elements.contains(left)
            case .object(let members): found = left.stringValue.map { members[$0] != nil } ?? false
            case .null: found = false
            default: throw error("'in' needs an array or a map on its right, got \(right.typeName)", column)
            }
            return .bool(operation == .in ? found : !found)
        case .contains, .startsWith, .endsWith:
            guard let text = left.stringValue, let part = right.stringValue else {
                throw error("'\(operation.rawValue)' needs strings, got \(left.typeName) and \(right.typeName)", column)
            }
            switch operation {
            case .contains: return .bool(text.contains(part))
            case .startsWith: return .bool(text.hasPrefix(part))
            default: return .bool(text.hasSuffix(part))
            }
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            let order: Int
            switch (left, right) {
            case (.number(let a), .number(let b)): order = a.doubleValue < b.doubleValue ? -1 : (a.doubleValue == b.doubleValue ? 0 : 1)
            case (.string(let a), .string(let b)): order = a < b ? -1 : (a == b ? 0 : 1)
            default: throw error("'\(operation.rawValue)' cannot compare \(left.typeName) with \(right.typeName)", column)
            }
            switch operation {
            case .less: return .bool(order < 0)
            case .lessOrEqual: return .bool(order <= 0)
            case .greater: return .bool(order > 0)
            default: return .bool(order >= 0)
            }
        case .and, .or:
            // Short-circuited in evaluate(_:_:) before both sides are computed.
            preconditionFailure("logical operators are evaluated lazily")
        }
    }

    /// The text upstream keys de-duplication with: Go's `%v` of the value (`<nil>` for nil).
    public static func keyText(_ value: JSONValue) -> String {
        switch value {
        case .null: "<nil>"
        case .string(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .number(let number): number.literal
        case .array, .object: JSONWriter.string(value)
        }
    }
}
