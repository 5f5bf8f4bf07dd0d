/// How a sync ended (upstream's operation phases).
public struct SyncOutcome: Sendable {
    /// `Succeeded`, `Failed`, `Error` or `Terminating`-ended.
    public enum Phase: String, Sendable {
        case succeeded = "Succeeded", failed = "Failed", error = "Error"
    }

    public var phase: Phase
    public var message: String
    public var results: [ResourceResult]
}
