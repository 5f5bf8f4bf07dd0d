/// One change to one object, as delivered to watchers.
public struct WatchEvent: Sendable {
    /// The Kubernetes watch event types.
    public enum EventType: String, Sendable {
        case added = "ADDED"
        case modified = "MODIFIED"
        case deleted = "DELETED"
        case bookmark = "BOOKMARK"
        case error = "ERROR"
    }

    /// What happened.
    public var type: EventType
    /// Which object.
    public var key: ObjectKey
    /// The object after the change (for deletions, its last state with the deletion's resource version).
    public var object: StoredObject

    /// Creates an event.
    public init(type: EventType, key: ObjectKey, object: StoredObject) {
        self.type = type
        self.key = key
        self.object = object
    }
}
