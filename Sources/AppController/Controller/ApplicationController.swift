import Foundation
import Projects
public import KubeClient
public import KubeModel
public import RepoServer
public import SyncEngine

/// The application controller: reconciles `argoproj.io/v1alpha1` Applications with the SyncEngine.
///
/// Two work queues as upstream: refreshes (render, compare, status, automation) and operations
/// (syncs), each served by its own pool of workers. Applications are refreshed when they change,
/// when a live resource of theirs changes (the cluster cache says which — nothing is polled), and
/// periodically (`timeout.reconciliation` plus jitter).
public actor ApplicationController {
    static let applications = GroupVersionResource(group: "argoproj.io", version: "v1alpha1", resource: "applications")
    static let projects = GroupVersionResource(group: "argoproj.io", version: "v1alpha1", resource: "appprojects")
    static let configMaps = GroupVersionResource(group: "", version: "v1", resource: "configmaps")
    static let finalizerForeground = "resources-finalizer.argocd.argoproj.io"
    static let finalizerBackground = "resources-finalizer.argocd.argoproj.io/background"

    let configuration: AppControllerConfiguration
    let client: KubeClient
    let repo: RepoService
    /// The live state of the cluster the controller runs against (the in-cluster destination).
    let cache: ClusterCache
    /// Every destination cluster: the in-cluster one and those of cluster Secrets.
    let clusters: ClusterRegistry
    /// Which shards are alive, and so which applications this replica handles.
    let shards: ShardCoordinator
    /// Clients that impersonate a project's destination service account, by cluster and account.
    var impersonatingClients: [String: KubeClient] = [:]
    let tracking: ResourceTracking
    let applicationInformer: SharedInformer
    let projectInformer: SharedInformer
    /// The ConfigMaps of the controller's namespace, for `argocd-cm`.
    let settingsInformer: SharedInformer
    /// Projects as last parsed, by name, with the resource version parsed.
    var parsedProjects: [String: (version: String, project: AppProject)] = [:]
    /// `argocd-cm` as last read, by its resource version.
    var parsedSettings: (version: String, settings: ArgoSettings)?
    let refreshQueue = WorkQueue<String>(baseDelay: .milliseconds(250), maximumDelay: .seconds(300))
    let operationQueue = WorkQueue<String>(baseDelay: .seconds(5), maximumDelay: .seconds(180))
    /// Operations in progress, so that a refresh never starts a second one.
    var runningOperations: Set<String> = []
    /// The Application as the controller's latest write of it left it, until the watch catches up.
    var ownWrites: [String: KubeObject] = [:]
    /// The syncs being carried out, so that a terminate request can stop them.
    var operationTasks: [String: Task<SyncRun?, Never>] = [:]
    /// The last revision each application was automatically synced to, with when (self-heal backoff).
    var autoSyncs: [String: (revision: String, attempts: Int, at: ContinuousClock.Instant)] = [:]
    /// The controller's metrics (upstream's names), for a `/metrics` endpoint.
    public nonisolated let metrics = ControllerMetrics()

    /// A controller for the Applications in `configuration.namespace`, deploying to the cluster
    /// `client` talks to, with manifests from `repo`.
    public init(configuration: AppControllerConfiguration, client: KubeClient, repo: RepoService, tracking: ResourceTracking = ResourceTracking()) {
        self.configuration = configuration
        self.client = client
        self.repo = repo
        self.tracking = tracking
        cache = ClusterCache(client: client, tracking: tracking)
        shards = ShardCoordinator(configuration: configuration.sharding, client: client, namespace: configuration.namespace)
        clusters = ClusterRegistry(
            inCluster: ClusterConnection(server: ClusterSecret.inClusterServer, name: ClusterSecret.inClusterName, client: client, cache: cache),
            client: client, namespace: configuration.namespace, tracking: tracking)
        applicationInformer = SharedInformer(client: client, resource: Self.applications, namespace: configuration.namespace, kind: "Application")
        projectInformer = SharedInformer(client: client, resource: Self.projects, namespace: configuration.namespace, kind: "AppProject")
        settingsInformer = SharedInformer(client: client, resource: Self.configMaps, namespace: configuration.namespace, kind: "ConfigMap")
    }

    /// Runs until the calling task is cancelled.
    public func run() async {
        let applicationEvents = await applicationInformer.events()
        let settingsEvents = await settingsInformer.events()
        let changes = await cache.changes()
        let clusterSecretEvents = await clusters.secretInformer.events()
        await withDiscardingTaskGroup { group in
            group.addTask { [cache] in await cache.run() }
            group.addTask { [clusters] in await clusters.secretInformer.run() }
            group.addTask { [shards] in await shards.run() }
            group.addTask { [applicationInformer] in await applicationInformer.run() }
            group.addTask { [projectInformer] in await projectInformer.run() }
            group.addTask { [settingsInformer] in await settingsInformer.run() }
            await cache.waitForSync()
            await applicationInformer.waitForCacheSync()
            await projectInformer.waitForCacheSync()
            await settingsInformer.waitForCacheSync()
            await clusters.secretInformer.waitForCacheSync()
            if let version = try? await client.serverVersion() { await clusters.recordInCluster(version: version) }
            let knownSecrets = Set(await clusters.secretInformer.list().map { "\($0.name)@\($0.resourceVersion ?? "")" })
            group.addTask { [weak self] in
                // A cluster added, changed or removed can change which applications can deploy (the
                // Secrets present at start-up are no news: every application is refreshed then anyway).
                for await event in clusterSecretEvents {
                    if case .added(let secret) = event, knownSecrets.contains("\(secret.name)@\(secret.resourceVersion ?? "")") { continue }
                    await self?.refreshAll()
                }
            }
            group.addTask { [weak self, shards] in
                // When a replica dies or comes back, the split changes: look at every application again.
                for await _ in shards.changes { await self?.refreshAll() }
            }
            group.addTask { [weak self, clusters] in
                for await change in clusters.allChanges {
                    for app in change.applications { await self?.refreshQueue.add(app) }
                }
            }
            group.addTask { [weak self] in
                // New settings (system-wide ignores) can change every application's comparison.
                for await event in settingsEvents where event.object.name == ArgoSettings.configMapName { await self?.refreshAll() }
            }
            group.addTask { [weak self] in
                for await event in applicationEvents { await self?.applicationChanged(event) }
            }
            group.addTask { [weak self] in
                for await change in changes {
                    for app in change.applications { await self?.refreshQueue.add(app) }
                }
            }
            for _ in 0..<max(1, configuration.statusProcessors) {
                group.addTask { [weak self] in await self?.serve(queue: \.refreshQueue) { await $0.refresh($1) } }
            }
            for _ in 0..<max(1, configuration.operationProcessors) {
                group.addTask { [weak self] in await self?.serve(queue: \.operationQueue) { await $0.operate($1) } }
            }
            await withTaskCancellationHandler {
                while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
            } onCancel: {
                Task { [weak self, refreshQueue, operationQueue, clusters] in
                    await refreshQueue.shutDown()
                    await operationQueue.shutDown()
                    await clusters.shutDown()
                    await self?.shutDownImpersonatingClients()
                }
            }
        }
    }

    private func serve(queue: KeyPath<ApplicationController, WorkQueue<String>>, _ work: @Sendable (ApplicationController, String) async -> Void) async {
        let queue = self[keyPath: queue]
        while let name = await queue.next() {
            await work(self, name)
            await queue.done(name)
        }
    }

    private func applicationChanged(_ event: InformerEvent) async {
        let object = event.object
        if case .updated(let old, let new) = event, !Self.needsRefresh(from: old, to: new) {
            // The controller's own writes (status, operation state, a requested sync) come back as
            // updates: they change nothing a comparison depends on, and the operation queue and
            // termination below take care of operations.
        } else {
            await refreshQueue.add(object.name)
        }
        if case .deleted = event { return }
        if object["operation"].map({ !$0.isNull }) ?? false { await operationQueue.add(object.name) }
        if object[path: "status", "operationState", "phase"]?.stringValue == "Terminating" { terminate(object.name) }
    }

    /// The settings from `argocd-cm`, read again only when it changed. Problems in them are reported
    /// once per version on standard error (they concern every application, not one).
    func settings() async -> ArgoSettings {
        let object = await settingsInformer.get(namespace: configuration.namespace, name: ArgoSettings.configMapName)
        let version = object?.resourceVersion ?? ""
        if let parsedSettings, parsedSettings.version == version { return parsedSettings.settings }
        let settings = ArgoSettings(configMap: object)
        for problem in settings.problems { FileHandle.standardError.write(Data("warning: \(problem)\n".utf8)) }
        parsedSettings = (version, settings)
        return settings
    }

    /// The ignore rules for `application`: its own, then the system-wide ones.
    func ignoreRules(for application: ApplicationView) async -> [IgnoreDifference] {
        application.ignoreDifferences + (await settings()).ignoreDifferences
    }

    /// How many applications are in each sync and health status (`Synced/Healthy`, `OutOfSync/Missing`,
    /// ...), as the dashboard's counters show them; from the controller's cache, no request made.
    public func statusCounts() async -> [String: Int] {
        var counts: [String: Int] = [:]
        for object in await applicationInformer.list() where object.namespace == configuration.namespace {
            let sync = object[path: "status", "sync", "status"]?.stringValue ?? "Unknown"
            let health = object[path: "status", "health", "status"]?.stringValue ?? "Unknown"
            counts["\(sync)/\(health)", default: 0] += 1
        }
        return counts
    }

    /// Queues a refresh of every application, as the periodic refresh does (and as a change of
    /// settings that affects all of them must).
    public func refreshAll() async {
        for object in await applicationInformer.list() { await refreshQueue.add(object.name) }
    }

    /// Whether an update of an Application can change its comparison or what automation should do:
    /// anything but its status, its operation and the server's bookkeeping — except an operation
    /// that just ended, after which automation looks again.
    static func needsRefresh(from old: KubeObject, to new: KubeObject) -> Bool {
        let hadOperation = old["operation"].map { !$0.isNull } ?? false, hasOperation = new["operation"].map { !$0.isNull } ?? false
        if hadOperation && !hasOperation { return true }
        func relevant(_ object: KubeObject) -> JSONValue {
            var content = object.content
            content["status"] = nil
            content["operation"] = nil
            for key in ["resourceVersion", "managedFields", "generation"] { content[path: ["metadata", key]] = nil }
            return content
        }
        return relevant(old) != relevant(new)
    }

    /// Refreshes again after the reconciliation period plus up to the jitter.
    func scheduleNextRefresh(_ name: String) async {
        let jitter = Double(configuration.reconciliationJitter.components.seconds) * Double.random(in: 0...1)
        await refreshQueue.addAfter(name, delay: configuration.reconciliationTimeout + .seconds(jitter))
    }

    /// The Application `name`, as last seen.
    ///
    /// The watch can lag behind the controller's own writes; deciding from a copy older than one's
    /// own last write would put stale status back (and a status-only change does not queue a refresh
    /// by itself). So the copy a write returned is used until the watch has delivered it or newer.
    func application(_ name: String) async -> ApplicationView? {
        let cached = await applicationInformer.get(namespace: configuration.namespace, name: name)
        guard let own = ownWrites[name] else { return cached.map(ApplicationView.init) }
        guard let cached else {
            ownWrites[name] = nil
            return nil
        }
        if let ownVersion = own.resourceVersion.flatMap(UInt64.init), let cachedVersion = cached.resourceVersion.flatMap(UInt64.init),
            ownVersion > cachedVersion
        {
            return ApplicationView(object: own)
        }
        ownWrites[name] = nil
        return ApplicationView(object: cached)
    }

    /// Notes the Application as one of the controller's own writes left it.
    func recordWrite(_ object: KubeObject) {
        ownWrites[object.name] = object
    }

    /// Patches the Application (status, operation, finalizers live on the main resource, as upstream).
    @discardableResult
    func patch(_ name: String, _ body: JSONValue, type: PatchType = .merge) async throws(KubeError) -> KubeObject {
        let written = try await client.patch(Self.applications, namespace: configuration.namespace, name: name, type: type, body)
        recordWrite(written)
        return written
    }

    /// Merge-patches the Application, trying again (for about ten seconds) while the server answers
    /// with a transient error: the patches the controller sends say what the state is, not how to
    /// change it, so sending one twice is harmless, and losing one would lose an operation's outcome.
    /// Returns whether the write landed.
    @discardableResult
    func write(_ name: String, _ body: JSONValue) async -> Bool {
        do {
            _ = try await TransientRetry.run(attempts: 7) { () async throws(KubeError) in try await patch(name, body) }
            return true
        } catch {
            return false
        }
    }
}
