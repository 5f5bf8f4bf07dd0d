import Foundation
public import KubeClient
import KubeModel

/// The ApplicationSet controller: keeps the Applications of every `argoproj.io/v1alpha1`
/// ApplicationSet in the namespace as its generators and template say.
///
/// ApplicationSets are reconciled when they change, when an Application they own changes, when a
/// cluster Secret changes (cluster generators), when asked (``refresh(name:)``, for webhooks) and
/// periodically as their generators' `requeueAfterSeconds` say (Git generators: every 180 s by
/// default), which is how new commits are noticed. A failing ApplicationSet reports the failure in
/// its conditions and leaves its Applications as they are; it never holds up another.
public actor ApplicationSetController {
    static let applicationSets = GroupVersionResource(group: "argoproj.io", version: "v1alpha1", resource: "applicationsets")
    static let applications = GroupVersionResource(group: "argoproj.io", version: "v1alpha1", resource: "applications")
    static let secrets = GroupVersionResource(group: "", version: "v1", resource: "secrets")

    let configuration: ApplicationSetControllerConfiguration
    let client: KubeClient
    let git: any GitRepositoryReader
    let applicationSetInformer: SharedInformer
    let applicationInformer: SharedInformer
    let secretInformer: SharedInformer
    let queue = WorkQueue<String>(baseDelay: .seconds(1), maximumDelay: .seconds(300))
    /// ApplicationSets as the controller's latest status write left them, until the watch catches up.
    var ownStatusWrites: [String: KubeObject] = [:]

    /// A controller for the ApplicationSets in `configuration.namespace` of the cluster `client`
    /// talks to, reading Git through `repo` (the repo server's ``RepoServer/RepoService``).
    public init(configuration: ApplicationSetControllerConfiguration, client: KubeClient, repo: any GitRepositoryReader) {
        self.configuration = configuration
        self.client = client
        git = repo
        let namespace = configuration.namespace
        applicationSetInformer = SharedInformer(client: client, resource: Self.applicationSets, namespace: namespace, kind: "ApplicationSet")
        applicationInformer = SharedInformer(client: client, resource: Self.applications, namespace: namespace, kind: "Application")
        secretInformer = SharedInformer(
            client: client, resource: Self.secrets, namespace: namespace, selectors: ListOptions(labelSelector: "\(WellKnownLabels.secretType)=cluster"),
            kind: "Secret")
    }

    /// A controller for the ApplicationSets in `namespace`, with default settings.
    public init(namespace: String, client: KubeClient, repo: any GitRepositoryReader) {
        self.init(configuration: ApplicationSetControllerConfiguration(namespace: namespace), client: client, repo: repo)
    }

    /// Runs until the calling task is cancelled.
    public func run() async {
        let applicationSetEvents = await applicationSetInformer.events()
        let applicationEvents = await applicationInformer.events()
        let secretEvents = await secretInformer.events()
        await withDiscardingTaskGroup { group in
            group.addTask { [applicationSetInformer] in await applicationSetInformer.run() }
            group.addTask { [applicationInformer] in await applicationInformer.run() }
            group.addTask { [secretInformer] in await secretInformer.run() }
            await applicationSetInformer.waitForCacheSync()
            await applicationInformer.waitForCacheSync()
            await secretInformer.waitForCacheSync()
            group.addTask { [weak self] in
                for await event in applicationSetEvents { await self?.applicationSetChanged(event) }
            }
            group.addTask { [weak self] in
                for await event in applicationEvents { await self?.applicationChanged(event) }
            }
            group.addTask { [weak self] in
                // A cluster added, removed or relabelled changes what cluster generators produce.
                for await _ in secretEvents { await self?.refreshAll() }
            }
            for _ in 0..<max(1, configuration.concurrentReconciliations) {
                group.addTask { [weak self, queue] in
                    while let name = await queue.next() {
                        await self?.reconcile(name)
                        await queue.done(name)
                    }
                }
            }
            await withTaskCancellationHandler {
                while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
            } onCancel: {
                Task { [queue] in await queue.shutDown() }
            }
        }
    }

    /// Reconciles the ApplicationSet `name` soon (a webhook saw a push, a user asked).
    public func refresh(name: String) async {
        await queue.add(name)
    }

    /// Reconciles every ApplicationSet soon.
    public func refreshAll() async {
        for object in await applicationSetInformer.list() { await queue.add(object.name) }
    }

    private func applicationSetChanged(_ event: InformerEvent) async {
        switch event {
        case .added(let object):
            await queue.add(object.name)
        case .updated(let old, let new):
            // The controller's own status writes come back as updates and need no reconcile.
            if Self.withoutStatus(old) != Self.withoutStatus(new) { await queue.add(new.name) }
        case .deleted:
            // Owner references let the garbage collector delete the Applications.
            break
        }
    }

    private func applicationChanged(_ event: InformerEvent) async {
        guard let owner = event.object.controllerReference, owner.kind == "ApplicationSet" else { return }
        await queue.add(owner.name)
    }

    private static func withoutStatus(_ object: KubeObject) -> JSONValue {
        var content = object.content
        content["status"] = nil
        for key in ["resourceVersion", "managedFields", "generation"] { content[path: ["metadata", key]] = nil }
        return content
    }
}
