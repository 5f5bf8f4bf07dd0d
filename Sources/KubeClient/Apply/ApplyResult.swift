public import KubeModel

/// What an apply did.
public struct ApplyResult: Sendable {
    /// The kind of change.
    public enum Outcome: String, Sendable {
        /// The object did not exist and was created.
        case created
        /// The object existed and was changed.
        case configured
        /// The object already matched; nothing was written.
        case unchanged
    }

    /// The kind of change.
    public var outcome: Outcome
    /// The object as the server stored it (or would, for a dry run).
    public var object: KubeObject
    /// The live object before the apply; nil when it was created.
    public var before: KubeObject?
}
