/// The store's objects, indexed by resource, then namespace, then name, so that the reads controllers
/// make most — one namespace of one resource, or which resources a namespace still holds — cost what
/// they return rather than a scan of everything.
struct ObjectTable {
    private var byStorage: [String: [String: [String: StoredObject]]] = [:]

    subscript(key: ObjectKey) -> StoredObject? {
        get { byStorage[key.storage]?[key.namespace]?[key.name] }
        set {
            if let newValue {
                byStorage[key.storage, default: [:]][key.namespace, default: [:]][key.name] = newValue
            } else {
                byStorage[key.storage]?[key.namespace]?[key.name] = nil
                // Empty buckets go, so that a namespace's emptiness is a dictionary lookup.
                if byStorage[key.storage]?[key.namespace]?.isEmpty == true { byStorage[key.storage]?[key.namespace] = nil }
                if byStorage[key.storage]?.isEmpty == true { byStorage[key.storage] = nil }
            }
        }
    }

    /// The objects of one resource (every resource with nil storage), in one namespace or all.
    func objects(storage: String?, namespace: String?) -> [(ObjectKey, StoredObject)] {
        let storages = storage.map { [$0] } ?? Array(byStorage.keys)
        var result: [(ObjectKey, StoredObject)] = []
        for storage in storages {
            guard let namespaces = byStorage[storage] else { continue }
            let selected = namespace.map { [$0] } ?? Array(namespaces.keys)
            for namespace in selected {
                for (name, object) in namespaces[namespace] ?? [:] {
                    result.append((ObjectKey(storage: storage, namespace: namespace, name: name), object))
                }
            }
        }
        return result
    }

    /// The resources that hold objects in `namespace`.
    func storages(holdingObjectsIn namespace: String) -> [String] {
        byStorage.compactMap { storage, namespaces in namespaces[namespace] == nil ? nil : storage }
    }

    /// How many objects of a resource exist in a namespace, or in all with nil.
    func count(storage: String, namespace: String?) -> Int {
        guard let namespaces = byStorage[storage] else { return 0 }
        if let namespace { return namespaces[namespace]?.count ?? 0 }
        return namespaces.values.reduce(0) { $0 + $1.count }
    }
}
