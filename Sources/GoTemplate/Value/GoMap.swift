import Synchronization

/// A Go map with string keys. Like a Go map it is a reference: Sprig's `set`, `unset`, `merge` and
/// `mergeOverwrite` change it in place and every holder of the map sees the change.
///
/// Access is serialised by a mutex so that the type is `Sendable`; templates rendered concurrently
/// that mutate the same map still race in their results, as they would in Go, so give each render its
/// own maps when templates may mutate them.
public final class GoMap: Sendable {
    private let storage: Mutex<[String: GoValue]>
    /// The static type of the values (`interface {}` unless built from a `map[string]string`).
    public let elementType: GoType
    /// The type name, e.g. `map[string]interface {}` or a named type such as `chartutil.Values`.
    public let typeName: String

    /// Creates a map holding the given entries.
    /// - Parameters:
    ///   - entries: the initial entries.
    ///   - elementType: the static type of the values.
    ///   - typeName: a named map type (such as `chartutil.Values`); defaults to `map[string]<element>`.
    public init(_ entries: [String: GoValue] = [:], elementType: GoType = .interface, typeName: String? = nil) {
        storage = Mutex(entries)
        self.elementType = elementType
        self.typeName = typeName ?? "map[string]" + elementType.name
    }

    /// The Go type of the map.
    public var goType: GoType { GoType(name: typeName, kind: .map) }

    /// Whether the values are interfaces, so that the map is assignable to `map[string]interface{}`.
    public var holdsInterfaces: Bool { elementType == .interface }

    /// The value for a key, or nil when the key is absent.
    public subscript(key: String) -> GoValue? {
        get { storage.withLock { $0[key] } }
        set { storage.withLock { $0[key] = newValue } }
    }

    /// The number of entries.
    public var count: Int { storage.withLock { $0.count } }

    /// A copy of the entries at this moment.
    public var entries: [String: GoValue] { storage.withLock { $0 } }

    /// The keys in Go's order for maps: byte-wise ascending.
    public var sortedKeys: [String] {
        storage.withLock { Array($0.keys) }.sorted(by: GoMap.goOrder)
    }

    /// The entries in Go's order for maps: keys byte-wise ascending.
    public var sortedEntries: [(key: String, value: GoValue)] {
        storage.withLock { Array($0) }.sorted { GoMap.goOrder($0.key, $1.key) }
    }

    /// Whether the key is present.
    public func contains(_ key: String) -> Bool { storage.withLock { $0[key] != nil } }

    /// Removes a key.
    public func removeValue(forKey key: String) { storage.withLock { _ = $0.removeValue(forKey: key) } }

    /// Orders strings as Go compares them: by their UTF-8 bytes.
    static func goOrder(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
