/// Why an ApplicationSet could not be turned into Applications, as its `ErrorOccurred` condition
/// reports it: the message names the ApplicationSet, the field at fault and what to do; the reason is
/// upstream's condition reason.
public struct ApplicationSetError: Error, Sendable, CustomStringConvertible {
    /// The upstream condition reason (`ApplicationGenerationFromParamsError`, ...).
    public let reason: String
    /// The message.
    public let message: String

    /// An error with `message`, reported under `reason`.
    public init(_ message: String, reason: String = ApplicationSetReason.generationError) {
        self.reason = reason
        self.message = message
    }

    public var description: String { message }

    /// The same error with `prefix` in front of its message (to say which generator or field failed).
    func prefixed(_ prefix: String) -> ApplicationSetError {
        ApplicationSetError("\(prefix): \(message)", reason: reason)
    }
}
