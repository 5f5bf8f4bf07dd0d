import KubeClient
import KubeModel

/// The order in which objects were created in one namespace, as the cluster itself reports it.
///
/// Each kind has its own watch, and two watches deliver independently, so arrival order says nothing
/// across kinds; the `resourceVersion` an object carries in its first event is the cluster's own
/// revision counter at its creation, which orders creations across every kind.
actor CreationOrder {
    private var versions: [String: Int64] = [:]

    /// Every object recorded so far as `Kind/name`, first created first.
    var objects: [String] { versions.sorted { $0.value < $1.value }.map(\.key) }

    private func record(_ object: KubeObject) {
        let id = "\(object.kind)/\(object.name)"
        // A re-created object (a hook run again) keeps its first place.
        guard versions[id] == nil, let version = object.resourceVersion.flatMap({ Int64($0) }) else { return }
        versions[id] = version
    }

    /// Watches `resources` in `namespace` (which need not exist yet), runs `body` once the watches
    /// are open, and stops watching when it returns.
    static func recording<T: Sendable>(
        _ resources: [GroupVersionResource], in namespace: String, client: KubeClient, _ body: @Sendable (CreationOrder) async throws -> T
    ) async throws -> T {
        let order = CreationOrder()
        return try await withThrowingTaskGroup(of: Void.self) { group in
            for resource in resources {
                // All namespaces with a field selector: a watch of a namespace that does not exist yet
                // is not something to rely on.
                let informer = SharedInformer(
                    client: client, resource: resource, selectors: ListOptions(fieldSelector: "metadata.namespace=\(namespace)"))
                let events = await informer.events()
                group.addTask { await informer.run() }
                group.addTask {
                    for await event in events {
                        if case .added(let object) = event { await order.record(object) }
                    }
                }
                await informer.waitForCacheSync()
            }
            let result = try await body(order)
            group.cancelAll()
            return result
        }
    }
}
