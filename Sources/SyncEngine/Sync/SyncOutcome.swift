/// How a sync ended (upstream's operation phases).
public struct SyncOutcome: Sendable {
    /// `Succeeded`, `Failed` or `Error` (a terminated sync ends `Failed`, as upstream's does).
    public enum Phase: String, Sendable {
        case succeeded = "Succeeded", failed = "Failed", error = "Error"
    }

    /// Upstream's message for a sync stopped by a user.
    public static let terminatedMessage = "Operation terminated"

    public var phase: Phase
    public var message: String
    public var results: [ResourceResult]
}
