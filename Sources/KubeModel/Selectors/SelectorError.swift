/// A label or field selector that could not be parsed; the message names the selector and the problem.
public struct SelectorError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The selector text or field that is wrong.
    public var selector: String
    /// What is wrong.
    public var reason: String

    /// Creates an error.
    public init(selector: String, reason: String) {
        self.selector = selector
        self.reason = reason
    }

    public var description: String { "invalid selector \"\(selector)\": \(reason)" }
}
