public import KubeModel

/// One resource an API server serves, as discovery describes it.
public struct APIResource: Sendable, Hashable {
    /// Group, version and plural name.
    public var groupVersionResource: GroupVersionResource
    /// The kind of its objects.
    public var kind: String
    /// Whether objects live in namespaces.
    public var namespaced: Bool
    /// The verbs it supports (`get`, `list`, `watch`, ...).
    public var verbs: Set<String>
    /// Short names such as `cm`.
    public var shortNames: [String]
    /// The subresources it has (`status`, `scale`).
    public var subresources: Set<String>

    /// Group, version and kind.
    public var groupVersionKind: GroupVersionKind {
        GroupVersionKind(group: groupVersionResource.group, version: groupVersionResource.version, kind: kind)
    }

    /// Whether an informer can follow it: it can be listed and watched.
    public var isWatchable: Bool { verbs.contains("list") && verbs.contains("watch") }
}
