import KubeModel

/// Empties namespaces that are being deleted and then finalizes them, as Kubernetes' namespace
/// controller does: every object in the namespace is deleted, and once none is left the `kubernetes`
/// finalizer is removed and the namespace goes away.
struct NamespaceController: ClusterController {
    let client: InProcessClient
    var name: String { "namespace-controller" }

    func run() async {
        guard let events = try? await client.store.watch(WatchFilter(storage: nil), from: nil) else { return }
        for await event in events {
            if event.key.storage == "namespaces" {
                if event.type != .deleted, event.object.object()[path: ["metadata", "deletionTimestamp"]] != nil {
                    await empty(event.key.name)
                }
            } else if event.type == .deleted, !event.key.namespace.isEmpty {
                // The namespace may have been waiting for this object to go.
                await finalizeIfEmpty(event.key.namespace)
            }
        }
    }

    private func empty(_ namespace: String) async {
        for storage in await client.store.storages(holdingObjectsIn: namespace) {
            guard let info = client.resource(storage: storage) else { continue }
            for object in await client.list(info, namespace: namespace) where object[path: ["metadata", "deletionTimestamp"]] == nil {
                try? await client.delete(info, namespace: namespace, name: object[path: ["metadata", "name"]]?.stringValue ?? "")
            }
        }
        await finalizeIfEmpty(namespace)
    }

    private func finalizeIfEmpty(_ namespace: String) async {
        guard let info = client.resource(storage: "namespaces"),
            let object = await client.get(info, namespace: "", name: namespace),
            object[path: ["metadata", "deletionTimestamp"]] != nil,
            await client.store.storages(holdingObjectsIn: namespace).isEmpty
        else { return }
        _ = try? await client.modify(info, namespace: "", name: namespace, subresource: "finalize") { object in
            let kept = (object[path: ["spec", "finalizers"]]?.arrayValue ?? []).filter { $0.stringValue != "kubernetes" }
            object[path: ["spec", "finalizers"]] = .array(kept)
        }
    }
}
