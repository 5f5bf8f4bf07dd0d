/// Why a child process gave no normal result.
public struct ChildProcessError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure, for callers that map it onto their own errors.
    public enum Reason: Sendable, Equatable {
        /// The executable could not be started (not found, not executable, ...).
        case cannotStart
        /// It ran past its timeout and was killed with everything it started.
        case timedOut
        /// It printed more than the output limit and was killed.
        case outputTooLarge
    }

    /// The kind of failure.
    public let reason: Reason
    /// A readable explanation naming the executable.
    public let message: String

    init(_ reason: Reason, _ message: String) {
        self.reason = reason
        self.message = message
    }

    public var description: String { message }
}
