/// A source that cannot be generated, with a message naming the field or file and what to do.
public struct SourceError: Error, Sendable, CustomStringConvertible {
    /// The message.
    public let message: String

    /// An error with `message`.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
