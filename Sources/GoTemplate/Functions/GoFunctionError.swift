/// An error a template function reports; the engine prints it as `error calling NAME: message`.
public struct GoFunctionError: Error, CustomStringConvertible, Sendable {
    /// The message, worded as the Go function's error.
    public let message: String

    /// Creates an error with the given message.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
