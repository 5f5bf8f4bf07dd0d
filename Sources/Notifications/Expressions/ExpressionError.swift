/// A trigger expression that cannot be parsed, uses what Wharf's expression subset does not support,
/// or fails while it is evaluated.
public struct ExpressionError: Error, Sendable, CustomStringConvertible {
    /// The expression's text.
    public let expression: String
    /// The 1-based column where the problem starts.
    public let column: Int
    /// What is wrong there.
    public let reason: String

    init(_ reason: String, column: Int, in expression: String) {
        self.reason = reason
        self.column = column
        self.expression = expression
    }

    public var description: String { "column \(column): \(reason) in `\(expression)`" }
}
