import KubeClient
import SyncEngine

/// A destination cluster the controller deploys to: the client that reaches it and the cache of its
/// live state, with the limits its cluster Secret sets.
final class ClusterConnection: Sendable {
    /// The API server URL applications name it by.
    let server: String
    /// The cluster name applications name it by.
    let name: String
    /// The client.
    let client: KubeClient
    /// The live state.
    let cache: ClusterCache
    /// The namespaces that may be managed (all when empty).
    let namespaces: [String]
    /// Whether cluster-scoped resources may be managed when `namespaces` is set.
    let clusterResources: Bool

    init(server: String, name: String, client: KubeClient, cache: ClusterCache, namespaces: [String] = [], clusterResources: Bool = true) {
        self.server = server
        self.name = name
        self.client = client
        self.cache = cache
        self.namespaces = namespaces
        self.clusterResources = clusterResources
    }

    /// Why the cluster's own limits refuse a resource in `namespace` (empty for cluster-scoped), if they do.
    func refusal(namespace: String, kind: String) -> String? {
        guard !namespaces.isEmpty else { return nil }
        if namespace.isEmpty {
            return clusterResources ? nil : "cluster \(name) is limited to namespaces (clusterResources is false): cluster-scoped \(kind) cannot be managed there"
        }
        return namespaces.contains(namespace) ? nil : "namespace \(namespace) is not managed on cluster \(name) (its secret lists \(namespaces.joined(separator: ",")))"
    }
}
