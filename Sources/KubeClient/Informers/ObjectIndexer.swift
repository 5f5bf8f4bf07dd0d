public import KubeModel

/// An informer's cache: objects by `namespace/name`, with indexes kept current on every change so
/// that "everything in this namespace", "everything this object owns" or "everything labelled x=y"
/// is a lookup, not a scan.
public struct ObjectIndexer: Sendable {
    /// Computes the values an object is indexed under (none to leave it out of the index).
    public typealias IndexFunction = @Sendable (KubeObject) -> [String]

    /// Objects by namespace (cluster-scoped objects under "").
    public static let namespaceIndex = "namespace"
    /// Objects by the UID of each of their owners.
    public static let ownerIndex = "owner"
    /// Objects by each `key=value` label they carry.
    public static let labelIndex = "label"

    private var objects: [String: KubeObject] = [:]
    private let functions: [String: IndexFunction]
    private var indexes: [String: [String: Set<String>]] = [:]

    /// Creates an empty cache with the built-in indexes and `custom` ones.
    public init(custom: [String: IndexFunction] = [:]) {
        var functions: [String: IndexFunction] = [
            Self.namespaceIndex: { [$0.namespace ?? ""] },
            Self.ownerIndex: { $0.ownerReferences.map(\.uid) },
            Self.labelIndex: { $0.labels.map { "\($0.key)=\($0.value)" } },
        ]
        functions.merge(custom) { _, new in new }
        self.functions = functions
    }

    /// The cache key of an object: `namespace/name`, or `name` when cluster-scoped.
    public static func key(of object: KubeObject) -> String {
        key(namespace: object.namespace, name: object.name)
    }

    /// The cache key for a namespace and name.
    public static func key(namespace: String?, name: String) -> String {
        if let namespace, !namespace.isEmpty { return "\(namespace)/\(name)" }
        return name
    }

    /// How many objects are cached.
    public var count: Int { objects.count }

    /// Every cached object, in no particular order.
    public var all: [KubeObject] { Array(objects.values) }

    /// Every cache key.
    public var keys: Dictionary<String, KubeObject>.Keys { objects.keys }

    /// The object with `key`.
    public subscript(key: String) -> KubeObject? { objects[key] }

    /// The objects indexed under `value` in index `name` (empty for an unknown index).
    public func objects(in name: String, value: String) -> [KubeObject] {
        (indexes[name]?[value] ?? []).compactMap { objects[$0] }
    }

    /// The values an index holds.
    public func values(of name: String) -> [String] {
        Array(indexes[name]?.keys ?? [:].keys)
    }

    /// Adds or replaces an object, returning the one it replaced.
    @discardableResult
    public mutating func upsert(_ object: KubeObject) -> KubeObject? {
        let key = Self.key(of: object)
        let old = objects.updateValue(object, forKey: key)
        for (name, function) in functions {
            let before = old.map(function) ?? []
            let after = function(object)
            guard before != after else { continue }
            for value in before { indexes[name]?[value]?.remove(key) }
            for value in after { indexes[name, default: [:]][value, default: []].insert(key) }
            for value in before where indexes[name]?[value]?.isEmpty == true { indexes[name]?[value] = nil }
        }
        return old
    }

    /// Removes the object with `key`, returning it.
    @discardableResult
    public mutating func remove(_ key: String) -> KubeObject? {
        guard let old = objects.removeValue(forKey: key) else { return nil }
        for (name, function) in functions {
            for value in function(old) {
                indexes[name]?[value]?.remove(key)
                if indexes[name]?[value]?.isEmpty == true { indexes[name]?[value] = nil }
            }
        }
        return old
    }
}
