import KubeModel

/// A parsed trigger expression.
indirect enum ExpressionNode: Sendable {
    /// Binary operators of the supported subset.
    enum Operator: String, Sendable {
        case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
        case and, or, `in`, notIn = "not in", contains, startsWith, endsWith
    }

    case literal(JSONValue)
    case variable(String, column: Int)
    case array([ExpressionNode])
    /// `base.name` or `base?.name`: both give nil when `base` is nil.
    case member(ExpressionNode, String, column: Int)
    case index(ExpressionNode, ExpressionNode, column: Int)
    case not(ExpressionNode, column: Int)
    case binary(Operator, ExpressionNode, ExpressionNode, column: Int)
}
