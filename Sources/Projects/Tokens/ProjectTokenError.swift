/// Why a project role token was refused. The message never repeats the token.
public struct ProjectTokenError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, for the caller.
    public let message: String

    init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
