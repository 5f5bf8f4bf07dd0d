import KubeModel

/// Who owns whom, by UID: what the garbage collector asks when an owner goes away.
struct OwnerIndex {
    private(set) var dependents: [String: Set<ObjectKey>] = [:]
    private(set) var keyByUID: [String: ObjectKey] = [:]
    private var ownersOf: [ObjectKey: [String]] = [:]

    mutating func update(_ key: ObjectKey, object: JSONValue) {
        if let uid = object[path: ["metadata", "uid"]]?.stringValue { keyByUID[uid] = key }
        let owners = (object[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []).compactMap { $0["uid"]?.stringValue }
        let previous = ownersOf[key] ?? []
        guard owners != previous else { return }
        for uid in previous { dependents[uid]?.remove(key) }
        for uid in owners { dependents[uid, default: []].insert(key) }
        ownersOf[key] = owners.isEmpty ? nil : owners
    }

    mutating func remove(_ key: ObjectKey, object: JSONValue) {
        if let uid = object[path: ["metadata", "uid"]]?.stringValue, keyByUID[uid] == key { keyByUID[uid] = nil }
        for uid in ownersOf.removeValue(forKey: key) ?? [] {
            dependents[uid]?.remove(key)
            if dependents[uid]?.isEmpty == true { dependents[uid] = nil }
        }
    }
}
