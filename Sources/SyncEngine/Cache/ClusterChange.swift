public import KubeModel

/// A change of a live object, with the applications it concerns (before and after the change, as
/// tracking can move), so that controllers refresh exactly those.
public struct ClusterChange: Sendable {
    /// The object that changed.
    public var key: ResourceKey
    /// The applications whose resources (or their descendants) include the object.
    public var applications: Set<String>
}
