/// A chart that cannot be loaded or rendered, with a message naming the file and what is wrong.
public struct HelmError: Error, CustomStringConvertible, Sendable {
    /// The message, worded as Helm's where Helm has one.
    public let message: String

    /// Creates an error with the given message.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
