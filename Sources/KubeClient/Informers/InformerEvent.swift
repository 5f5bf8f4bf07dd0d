public import KubeModel

/// A change an informer delivers to its subscribers.
public enum InformerEvent: Sendable {
    /// An object appeared (or existed when the subscription began).
    case added(KubeObject)
    /// An object changed.
    case updated(old: KubeObject, new: KubeObject)
    /// An object was deleted; this is its last known state.
    case deleted(KubeObject)

    /// The object the event is about (the new state for updates).
    public var object: KubeObject {
        switch self {
        case .added(let object), .deleted(let object), .updated(_, let object): object
        }
    }
}
