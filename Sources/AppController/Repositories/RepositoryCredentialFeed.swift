public import KubeClient
import KubeModel
public import RepoServer

/// Keeps a repo server's credentials current from the cluster, as upstream's repo server reads them:
/// the namespace's Secrets labelled `argocd.argoproj.io/secret-type: repository` or `repo-creds`,
/// and SSH known hosts from ConfigMap `argocd-ssh-known-hosts-cm`. Watches, never polls.
public struct RepositoryCredentialFeed: Sendable {
    /// The ConfigMap holding `ssh_known_hosts`.
    public static let knownHostsConfigMap = "argocd-ssh-known-hosts-cm"

    private let secrets: SharedInformer
    private let configMaps: SharedInformer
    private let store: RepositoryCredentialStore

    /// A feed of `namespace`'s credentials into `store`; nothing is read until ``run()``.
    public init(client: KubeClient, namespace: String, store: RepositoryCredentialStore) {
        secrets = SharedInformer(
            client: client, resource: GroupVersionResource(group: "", version: "v1", resource: "secrets"), namespace: namespace,
            selectors: ListOptions(labelSelector: "\(WellKnownLabels.secretType) in (repository,repo-creds)"), kind: "Secret")
        configMaps = SharedInformer(
            client: client, resource: GroupVersionResource(group: "", version: "v1", resource: "configmaps"), namespace: namespace,
            selectors: ListOptions(fieldSelector: "metadata.name=\(Self.knownHostsConfigMap)"), kind: "ConfigMap")
        self.store = store
    }

    /// Follows the Secrets and the ConfigMap until cancelled.
    public func run() async {
        let store = store
        await withDiscardingTaskGroup { group in
            group.addTask { await secrets.run() }
            group.addTask { await configMaps.run() }
            group.addTask {
                for await event in await secrets.events() {
                    switch event {
                    case .added(let secret), .updated(_, let secret): store.update(secret: secret.content)
                    case .deleted(let secret): store.remove(secretNamespace: secret.namespace ?? "", name: secret.name)
                    }
                }
            }
            group.addTask {
                for await event in await configMaps.events() {
                    switch event {
                    case .added(let map), .updated(_, let map): store.setKnownHosts(map[path: "data", "ssh_known_hosts"]?.stringValue)
                    case .deleted: store.setKnownHosts(nil)
                    }
                }
            }
        }
    }

    /// Waits until both have been listed once, so the first generation already has the credentials.
    public func waitUntilReady() async {
        await secrets.waitForCacheSync()
        await configMaps.waitForCacheSync()
    }
}
