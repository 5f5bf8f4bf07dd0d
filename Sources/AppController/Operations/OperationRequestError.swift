/// Why an operation cannot be requested on an Application, in upstream's words.
public struct OperationRequestError: Error, Sendable, CustomStringConvertible {
    /// The message for the user.
    public var message: String
    public var description: String { message }

    init(_ message: String) {
        self.message = message
    }
}
