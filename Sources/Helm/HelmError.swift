/// A chart that cannot be loaded or rendered, with a message naming the file and what is wrong.
public struct HelmError: Error, CustomStringConvertible, Sendable {
    /// The message, worded as Helm's where Helm has one.
    public let message: String
    /// Whether templates ran out of the stack they were given, so that a larger stack may succeed.
    let isStackExhausted: Bool

    /// Creates an error with the given message.
    public init(_ message: String) {
        self.init(message, isStackExhausted: false)
    }

    init(_ message: String, isStackExhausted: Bool) {
        self.message = message
        self.isStackExhausted = isStackExhausted
    }

    public var description: String { message }
}
