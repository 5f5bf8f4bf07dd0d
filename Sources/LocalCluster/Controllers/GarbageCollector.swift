import KubeModel

/// Deletes objects whose owners are gone and carries out the Foreground and Orphan deletion policies,
/// as Kubernetes' garbage collector does.
struct GarbageCollector: ClusterController {
    let client: InProcessClient
    var name: String { "garbage-collector" }

    func run() async {
        let store = client.store
        guard let events = try? await store.watch(WatchFilter(storage: nil), from: nil) else { return }
        for await event in events {
            let object = event.object.object()
            if event.type == .deleted {
                await ownerRemoved(object)
            } else if object[path: ["metadata", "deletionTimestamp"]] != nil {
                await ownerDeleting(object, key: event.key)
            } else if event.type == .added, !(object[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []).isEmpty {
                // A dependent created after its owner was already gone is collected at once.
                await collectIfOrphaned(event.key)
            }
        }
    }

    /// An owner disappeared: its dependents may now be garbage, and owners waiting in foreground
    /// deletion for this dependent may now finish.
    private func ownerRemoved(_ object: JSONValue) async {
        if let uid = object[path: ["metadata", "uid"]]?.stringValue {
            for dependent in await client.store.dependents(of: uid) { await collectIfOrphaned(dependent) }
        }
        for owner in object[path: ["metadata", "ownerReferences"]]?.arrayValue ?? [] {
            guard let uid = owner["uid"]?.stringValue, let ownerKey = await client.store.key(forUID: uid),
                let ownerObject = await client.store.get(ownerKey)?.object(),
                ownerObject[path: ["metadata", "deletionTimestamp"]] != nil
            else { continue }
            await ownerDeleting(ownerObject, key: ownerKey)
        }
    }

    /// An owner is being deleted with finalizers: run the policy its finalizers ask for.
    private func ownerDeleting(_ object: JSONValue, key: ObjectKey) async {
        let finalizers = (object[path: ["metadata", "finalizers"]]?.arrayValue ?? []).compactMap(\.stringValue)
        guard let uid = object[path: ["metadata", "uid"]]?.stringValue, let info = client.resource(storage: key.storage) else { return }
        let dependents = await client.store.dependents(of: uid)
        if finalizers.contains("orphan") {
            for dependent in dependents {
                guard let dependentInfo = client.resource(storage: dependent.storage) else { continue }
                _ = try? await client.modify(dependentInfo, namespace: dependent.namespace, name: dependent.name) { object in
                    let kept = (object[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []).filter { $0["uid"]?.stringValue != uid }
                    object[path: ["metadata", "ownerReferences"]] = kept.isEmpty ? nil : .array(kept)
                }
            }
            await removeFinalizer("orphan", info: info, key: key)
        } else if finalizers.contains("foregroundDeletion") {
            if dependents.isEmpty {
                await removeFinalizer("foregroundDeletion", info: info, key: key)
                return
            }
            for dependent in dependents {
                guard let dependentInfo = client.resource(storage: dependent.storage),
                    let dependentObject = await client.store.get(dependent)?.object(),
                    dependentObject[path: ["metadata", "deletionTimestamp"]] == nil
                else { continue }
                try? await client.delete(dependentInfo, namespace: dependent.namespace, name: dependent.name, propagationPolicy: "Foreground")
            }
        }
    }

    /// Deletes `key` if every owner it names is gone; drops references to missing owners otherwise.
    private func collectIfOrphaned(_ key: ObjectKey) async {
        guard let info = client.resource(storage: key.storage), let object = await client.store.get(key)?.object() else { return }
        let owners = object[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []
        guard !owners.isEmpty else { return }
        var missing: Set<String> = []
        for owner in owners {
            guard let uid = owner["uid"]?.stringValue else { continue }
            if await client.store.key(forUID: uid) == nil { missing.insert(uid) }
        }
        if missing.isEmpty { return }
        if missing.count == owners.count {
            try? await client.delete(info, namespace: key.namespace, name: key.name, propagationPolicy: "Background")
        } else {
            _ = try? await client.modify(info, namespace: key.namespace, name: key.name) { object in
                let kept = owners.filter { !missing.contains($0["uid"]?.stringValue ?? "") }
                object[path: ["metadata", "ownerReferences"]] = .array(kept)
            }
        }
    }

    private func removeFinalizer(_ finalizer: String, info: ResourceInfo, key: ObjectKey) async {
        _ = try? await client.modify(info, namespace: key.namespace, name: key.name) { object in
            let kept = (object[path: ["metadata", "finalizers"]]?.arrayValue ?? []).filter { $0.stringValue != finalizer }
            object[path: ["metadata", "finalizers"]] = kept.isEmpty ? nil : .array(kept)
        }
    }
}
