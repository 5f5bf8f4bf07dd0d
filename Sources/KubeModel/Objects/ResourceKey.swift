/// Identifies one object across versions of its kind: group, kind, namespace and name.
///
/// This is gitops-engine's `ResourceKey`: the version is left out on purpose, because the same object
/// served as `apps/v1` and `apps/v1beta2` is one object.
public struct ResourceKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The API group; empty for the core group.
    public var group: String
    /// The kind.
    public var kind: String
    /// The namespace; empty for cluster-scoped objects.
    public var namespace: String
    /// The object name.
    public var name: String

    /// Creates a key from its parts.
    public init(group: String, kind: String, namespace: String, name: String) {
        self.group = group
        self.kind = kind
        self.namespace = namespace
        self.name = name
    }

    /// `group/Kind/namespace/name`, the form Argo CD uses in logs and messages.
    public var description: String { "\(group)/\(kind)/\(namespace)/\(name)" }

    public static func < (lhs: ResourceKey, rhs: ResourceKey) -> Bool {
        (lhs.group, lhs.kind, lhs.namespace, lhs.name) < (rhs.group, rhs.kind, rhs.namespace, rhs.name)
    }
}
