public import KubeModel

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
    /// The resources as the server answered the writes of this run (nil for those it deleted), so
    /// that a caller can tell the state right after the sync without waiting for the watch.
    public var written: [ResourceKey: KubeObject?] = [:]
}
