import Foundation
public import KubeClient
public import KubeModel
public import Logging

/// Argo CD Notifications for the Applications of one namespace: evaluates the triggers each
/// Application subscribes to whenever it changes, sends what they call for, and remembers what was
/// sent in the Application's `notified.notifications.argoproj.io` annotation, so that a restart
/// sends nothing twice.
///
/// Everything is driven by watches (Applications, AppProjects, `argocd-notifications-cm` and
/// `argocd-notifications-secret`): a change queues the Application concerned, a configuration
/// change queues them all; nothing is polled. A notification a service did not accept is retried
/// with backoff and is not recorded as sent until it is.
public actor NotificationController {
    static let applications = GroupVersionResource(group: "argoproj.io", version: "v1alpha1", resource: "applications")
    static let projects = GroupVersionResource(group: "argoproj.io", version: "v1alpha1", resource: "appprojects")
    static let configMaps = GroupVersionResource(group: "", version: "v1", resource: "configmaps")
    static let secrets = GroupVersionResource(group: "", version: "v1", resource: "secrets")

    /// The namespace of the Applications and of the configuration.
    public nonisolated let namespace: String
    let client: KubeClient
    let logger: Logger
    let sender: NotificationSender
    let applicationInformer: SharedInformer
    let projectInformer: SharedInformer
    let configMapInformer: SharedInformer
    let secretInformer: SharedInformer
    let queue: WorkQueue<String>
    /// The configuration as last read, by the versions of the ConfigMap and the Secret.
    var parsed: (version: String, configuration: NotificationsConfiguration)?
    /// Problems already logged, so that each is reported once rather than at every change.
    var reported: Set<String> = []
    /// The current configuration's problems, for ``configurationProblems()``.
    var currentProblems: [String] = []
    /// The Application as the controller's latest annotation write left it, until the watch catches
    /// up: deciding from an older copy would send again what was just sent.
    var ownWrites: [String: KubeObject] = [:]

    /// A controller for the Applications in `namespace`.
    /// - Parameters:
    ///   - requestTimeout: The longest a request to a notification service may take.
    ///   - retryDelay: The first delay before a failed notification is tried again; it doubles up to five minutes.
    public init(
        namespace: String = "argocd", client: KubeClient, logger: Logger = Logger(label: "wharf.notifications"), requestTimeout: Duration = .seconds(10),
        retryDelay: Duration = .seconds(1)
    ) {
        self.namespace = namespace
        self.client = client
        self.logger = logger
        sender = NotificationSender(timeout: requestTimeout)
        queue = WorkQueue(baseDelay: retryDelay, maximumDelay: .seconds(300))
        applicationInformer = SharedInformer(client: client, resource: Self.applications, namespace: namespace, kind: "Application")
        projectInformer = SharedInformer(client: client, resource: Self.projects, namespace: namespace, kind: "AppProject")
        // Only the two objects read: the namespace's other Secrets (repository credentials...) stay out of memory.
        configMapInformer = SharedInformer(
            client: client, resource: Self.configMaps, namespace: namespace,
            selectors: ListOptions(fieldSelector: "metadata.name=\(NotificationsConfiguration.configMapName)"), kind: "ConfigMap")
        secretInformer = SharedInformer(
            client: client, resource: Self.secrets, namespace: namespace,
            selectors: ListOptions(fieldSelector: "metadata.name=\(NotificationsConfiguration.secretName)"), kind: "Secret")
    }

    /// Runs until the calling task is cancelled.
    public func run() async {
        let applicationEvents = await applicationInformer.events()
        let projectEvents = await projectInformer.events()
        let configMapEvents = await configMapInformer.events()
        let secretEvents = await secretInformer.events()
        await withDiscardingTaskGroup { group in
            for informer in [applicationInformer, projectInformer, configMapInformer, secretInformer] {
                group.addTask { await informer.run() }
            }
            for informer in [applicationInformer, projectInformer, configMapInformer, secretInformer] { await informer.waitForCacheSync() }
            group.addTask { [weak self] in
                for await event in applicationEvents {
                    if case .deleted(let object) = event {
                        await self?.forgetWrite(object.name)
                    } else {
                        await self?.queue.add(event.object.name)
                    }
                }
            }
            group.addTask { [weak self] in
                for await event in projectEvents { await self?.projectChanged(event.object.name) }
            }
            for events in [configMapEvents, secretEvents] {
                group.addTask { [weak self] in
                    for await _ in events { await self?.queueAll() }
                }
            }
            for _ in 0..<2 {
                group.addTask { [weak self] in await self?.serve() }
            }
            await withTaskCancellationHandler {
                while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
            } onCancel: {
                Task { [queue] in await queue.shutDown() }
            }
        }
    }

    /// The problems of the current configuration (keys skipped and why), as logged.
    public func configurationProblems() async -> [String] {
        _ = await configuration()
        return currentProblems
    }

    private func serve() async {
        while let name = await queue.next() {
            await process(name)
            await queue.done(name)
        }
    }

    private func queueAll() async {
        for object in await applicationInformer.list() { await queue.add(object.name) }
    }

    private func projectChanged(_ project: String) async {
        for object in await applicationInformer.list() where (object[path: "spec", "project"]?.stringValue ?? "default") == project {
            await queue.add(object.name)
        }
    }

    private func forgetWrite(_ name: String) {
        ownWrites[name] = nil
    }

    /// The configuration, read again only when the ConfigMap or the Secret changed; its problems are
    /// logged once.
    func configuration() async -> NotificationsConfiguration {
        let configMap = await configMapInformer.get(namespace: namespace, name: NotificationsConfiguration.configMapName)
        let secret = await secretInformer.get(namespace: namespace, name: NotificationsConfiguration.secretName)
        let version = "\(configMap?.resourceVersion ?? "-")/\(secret?.resourceVersion ?? "-")"
        if let parsed, parsed.version == version { return parsed.configuration }
        let configuration = NotificationsConfiguration(configMap: configMap, secret: secret)
        currentProblems = configuration.problems.map(\.description)
        for problem in currentProblems { report(problem) }
        parsed = (version, configuration)
        return configuration
    }

    /// Logs `problem` at error level unless it was logged before.
    private func report(_ problem: String) {
        guard reported.insert(problem).inserted else { return }
        logger.error("\(problem)")
    }

    /// The Application `name`: the newer of the cached copy and the controller's own last write.
    private func application(_ name: String) async -> KubeObject? {
        let cached = await applicationInformer.get(namespace: namespace, name: name)
        guard let own = ownWrites[name] else { return cached }
        guard let cached else { return nil }
        if let ownVersion = own.resourceVersion.flatMap(UInt64.init), let cachedVersion = cached.resourceVersion.flatMap(UInt64.init), ownVersion > cachedVersion {
            return own
        }
        ownWrites[name] = nil
        return cached
    }

    /// Sends what the Application's triggers call for and records it.
    func process(_ name: String) async {
        guard let application = await application(name) else { return }
        let configuration = await configuration()
        let projectName = application[path: "spec", "project"]?.stringValue ?? "default"
        let project = await projectInformer.get(namespace: namespace, name: projectName)
        let plan = NotificationPlanner.plan(application: application, project: project, configuration: configuration)
        for problem in plan.problems { report(problem) }
        var state = plan.state
        var failed = false
        for pending in plan.pending {
            guard let service = configuration.services[pending.destination.service] else {
                report("\(name) subscribes service '\(pending.destination.service)' to trigger '\(pending.trigger)', but no `service.*.\(pending.destination.service)` is configured")
                continue
            }
            let notification: RenderedNotification
            do {
                notification = try configuration.render(
                    templates: pending.templates, application: application, serviceType: service.type, recipient: pending.destination.recipient)
            } catch {
                report("\(name): trigger '\(pending.trigger)': \(error)")
                continue
            }
            do {
                try await sender.send(notification, to: pending.destination, through: service)
                state.markSent(pending.stateKey, at: Int64(Date().timeIntervalSince1970))
                logger.info("sent notification", metadata: ["application": "\(name)", "trigger": "\(pending.trigger)", "destination": "\(pending.destination)"])
            } catch {
                failed = true
                logger.warning("\(error); will retry", metadata: ["application": "\(name)", "trigger": "\(pending.trigger)"])
            }
        }
        if state != NotificationState(of: application) {
            let written = await record(state, on: name)
            if !written { failed = true }
        }
        if failed {
            await queue.addRateLimited(name)
        } else {
            await queue.forget(name)
        }
    }

    /// Merge-patches the state annotation, touching nothing else; returns whether it was written.
    private func record(_ state: NotificationState, on name: String) async -> Bool {
        let patch: JSONValue = ["metadata": ["annotations": [NotificationState.annotation: state.annotationValue]]]
        do {
            ownWrites[name] = try await client.patch(Self.applications, namespace: namespace, name: name, type: .merge, patch)
            return true
        } catch {
            logger.warning("cannot record sent notifications on \(name): \(error); will retry")
            return false
        }
    }
}
