/// Where an object lives in the store: its resource's storage key (`deployments.apps`), namespace and name.
public struct ObjectKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The resource's storage key, shared by all versions of the resource.
    public var storage: String
    /// The namespace; empty for cluster-scoped objects.
    public var namespace: String
    /// The object name.
    public var name: String

    /// Creates a key.
    public init(storage: String, namespace: String, name: String) {
        self.storage = storage
        self.namespace = namespace
        self.name = name
    }

    public static func < (lhs: ObjectKey, rhs: ObjectKey) -> Bool {
        (lhs.storage, lhs.namespace, lhs.name) < (rhs.storage, rhs.namespace, rhs.name)
    }

    public var description: String { namespace.isEmpty ? "\(storage)/\(name)" : "\(storage)/\(namespace)/\(name)" }
}
