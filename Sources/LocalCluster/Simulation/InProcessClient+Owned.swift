import KubeModel

/// Reading what a controller owns through the store's owner index, so that finding a workload's pods
/// costs as much as it has pods, whatever the size of the cluster.
extension InProcessClient {
    /// The objects of `info` whose controlling owner reference names `owner`.
    func owned(by owner: JSONValue, _ info: ResourceInfo) async -> [JSONValue] {
        let uid = owner.uid
        var result: [JSONValue] = []
        for key in await store.dependents(of: uid) where key.storage == info.storageKey {
            guard let object = await store.get(key)?.object(), object.controllerReference?.uid == uid else { continue }
            result.append(object)
        }
        return result.sorted { $0.name < $1.name }
    }

    /// The key of the object controlling `object` when it is of `owner`'s kind, for mapping a dependent's
    /// change to its owner's reconciliation.
    static func controllerKey(of object: JSONValue, namespace: String, kind owner: ResourceInfo) -> ObjectKey? {
        guard let reference = object.controllerReference, reference.kind == owner.kind else { return nil }
        return ObjectKey(storage: owner.storageKey, namespace: namespace, name: reference.name)
    }
}
