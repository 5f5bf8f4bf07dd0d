import AppController
import Foundation
import KubeClient
import KubeModel
import Projects
import Synchronization

/// Keeps ``ServerSettings`` current: informers follow the namespace's ConfigMaps and Secrets and
/// the AppProjects, and any change to `argocd-cm`, `argocd-rbac-cm`, `argocd-secret` or a project
/// rebuilds the snapshot. Requests read the snapshot without waiting.
final class SettingsWatch: Sendable {
    static let configMapName = "argocd-cm"
    static let rbacConfigMapName = "argocd-rbac-cm"
    static let secretName = "argocd-secret"

    let configMaps: SharedInformer
    let secrets: SharedInformer
    let projects: SharedInformer
    private let snapshot: Mutex<ServerSettings>

    init(client: KubeClient, namespace: String) {
        configMaps = SharedInformer(client: client, resource: GroupVersionResource(group: "", version: "v1", resource: "configmaps"), namespace: namespace, kind: "ConfigMap")
        secrets = SharedInformer(client: client, resource: GroupVersionResource(group: "", version: "v1", resource: "secrets"), namespace: namespace, kind: "Secret")
        projects = SharedInformer(client: client, resource: ArgoCRDs.appProjects, namespace: namespace, kind: "AppProject")
        snapshot = Mutex(ServerSettings(configMap: [:], rbacConfigMap: [:], secret: [:], projects: []))
    }

    /// The current settings.
    var current: ServerSettings { snapshot.withLock { $0 } }

    /// Runs the informers and rebuilds on change until cancelled. One loop rebuilds, so a slower
    /// rebuild can never store an older picture over a newer one; bursts of changes coalesce.
    func run() async {
        let (changes, changed) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        await withDiscardingTaskGroup { group in
            for informer in [configMaps, secrets, projects] {
                group.addTask { await informer.run() }
                group.addTask {
                    for await event in await informer.events() where informer === self.projects || Self.relevant(event.object.name) {
                        changed.yield()
                    }
                }
            }
            // An AsyncStream's iteration ends when its task is cancelled.
            group.addTask {
                for await _ in changes { await self.rebuild() }
            }
        }
    }

    /// Waits until every informer has listed, then builds the first snapshot.
    func waitUntilReady() async {
        for informer in [configMaps, secrets, projects] { await informer.waitForCacheSync() }
        await rebuild()
    }

    private static func relevant(_ name: String) -> Bool {
        name == configMapName || name == rbacConfigMapName || name == secretName
    }

    private func rebuild() async {
        let configMap = await configMaps.get(namespace: configMaps.namespace, name: Self.configMapName)
        let rbac = await configMaps.get(namespace: configMaps.namespace, name: Self.rbacConfigMapName)
        let secret = await secrets.get(namespace: secrets.namespace, name: Self.secretName)
        let projectList = await projects.list().map(AppProject.init(object:))
        let settings = ServerSettings(
            configMap: configMap?[path: "data"].map { $0.stringMap(at: []) } ?? [:], rbacConfigMap: rbac?[path: "data"].map { $0.stringMap(at: []) } ?? [:],
            secret: ServerSettings.decodedData(secret), projects: projectList)
        snapshot.withLock { $0 = settings }
    }
}
