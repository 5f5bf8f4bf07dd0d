public import KubeModel

/// One change seen by a watch.
public struct WatchEvent: Sendable {
    /// What happened.
    public enum EventType: String, Sendable {
        /// The object was created (or existed when a watch without a version started).
        case added = "ADDED"
        /// The object changed.
        case modified = "MODIFIED"
        /// The object was deleted; the object is its last state.
        case deleted = "DELETED"
        /// No change: the server confirms it has sent everything up to the object's `resourceVersion`.
        case bookmark = "BOOKMARK"
    }

    /// What happened.
    public var type: EventType
    /// The object after the change (before, for a deletion); for a bookmark, only its version is meaningful.
    public var object: KubeObject
}
