public import KubeClient
public import KubeModel

/// The live state of one cluster as Wharf sees it, fed by watches of every kind (never polled):
/// objects by key, the resources of each application (by tracking), and ownership for resource
/// trees. Controllers subscribe to changes to refresh only the applications concerned; a sync waits
/// on it for resources to become healthy.
public actor ClusterCache {
    private let watch: ClusterWatch
    private let tracking: ResourceTracking
    private var objects: [ResourceKey: KubeObject] = [:]
    private var keysByUID: [String: ResourceKey] = [:]
    private var resourcesByApp: [String: Set<ResourceKey>] = [:]
    private var childrenByOwner: [String: Set<ResourceKey>] = [:]
    /// Objects no application tracks and nothing owns, by namespace (candidates for orphans).
    private var untrackedByNamespace: [String: Set<ResourceKey>] = [:]
    private var subscribers: [Int: AsyncStream<ClusterChange>.Continuation] = [:]
    private var waiters: [Int: AsyncStream<Void>.Continuation] = [:]
    private var nextID = 0
    /// Increases with every change.
    public private(set) var version: UInt64 = 0
    /// When every kind had been listed (the cache's age is measured from it).
    public private(set) var syncedAt: ContinuousClock.Instant?
    /// How many live objects the cache holds.
    public var objectCount: Int { objects.count }

    /// A cache of the cluster `client` talks to; nothing is read until ``run()``.
    public init(client: KubeClient, tracking: ResourceTracking = ResourceTracking()) {
        watch = ClusterWatch(client: client)
        self.tracking = tracking
    }

    /// Watches the cluster until the calling task is cancelled.
    public func run() async {
        let events = await watch.events()
        await withDiscardingTaskGroup { group in
            group.addTask { [watch] in await watch.run() }
            group.addTask { [weak self] in
                for await event in events { await self?.apply(event.event) }
            }
        }
    }

    /// Waits until every kind has been listed once.
    public func waitForSync() async {
        // Discovery starts informers asynchronously; wait until some exist before waiting on them.
        while await watch.resources.isEmpty { try? await Task.sleep(for: .milliseconds(20)) }
        await watch.waitForCacheSync()
        if syncedAt == nil { syncedAt = .now }
    }

    /// The live object with `key`.
    public func object(_ key: ResourceKey) -> KubeObject? { objects[key] }

    /// The other applications that track live objects `app` wants (shared resources), by key.
    public func sharedResources(_ keys: [ResourceKey], wantedBy app: String) -> [ResourceKey: String] {
        var shared: [ResourceKey: String] = [:]
        for key in keys {
            if let object = objects[key], let owner = tracking.application(of: object), owner != app { shared[key] = owner }
        }
        return shared
    }

    /// The live resources tracked as `app`'s.
    public func resources(of app: String) -> [ResourceKey: KubeObject] {
        var result: [ResourceKey: KubeObject] = [:]
        for key in resourcesByApp[app] ?? [] { result[key] = objects[key] }
        return result
    }

    /// The objects in `namespace` that no application tracks and no other object owns — what
    /// upstream calls orphaned resources when a project asks for them.
    public func untrackedObjects(namespace: String) -> [KubeObject] {
        (untrackedByNamespace[namespace] ?? []).compactMap { objects[$0] }.sorted { $0.key < $1.key }
    }

    /// The objects whose owner references name `uid`.
    public func children(of uid: String) -> [KubeObject] {
        (childrenByOwner[uid] ?? []).compactMap { objects[$0] }.sorted { $0.key < $1.key }
    }

    /// Every change from now on.
    public func changes() -> AsyncStream<ClusterChange> {
        let (stream, continuation) = AsyncStream.makeStream(of: ClusterChange.self, bufferingPolicy: .unbounded)
        let id = nextID
        nextID += 1
        subscribers[id] = continuation
        continuation.onTermination = { [weak self] _ in Task { await self?.unsubscribe(id) } }
        return stream
    }

    /// Returns once the cache has changed since `version`, or after `timeout`.
    public func waitForChange(after version: UInt64, timeout: Duration) async {
        if self.version > version { return }
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let id = nextID
        nextID += 1
        waiters[id] = continuation
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await _ in stream { break }
            }
            group.addTask { try? await Task.sleep(for: timeout) }
            await group.next()
            group.cancelAll()
        }
        waiters[id] = nil
        continuation.finish()
    }

    // MARK: - Maintenance

    private func unsubscribe(_ id: Int) {
        subscribers[id] = nil
    }

    private func apply(_ event: InformerEvent) {
        var concerned: Set<String> = []
        switch event {
        case .added(let object), .updated(_, let object):
            if let old = objects[object.key] {
                concerned.formUnion(applications(of: old))
                remove(old)
            }
            insert(object)
            concerned.formUnion(applications(of: object))
        case .deleted(let object):
            let stored = objects[object.key] ?? object
            concerned.formUnion(applications(of: stored))
            remove(stored)
        }
        version += 1
        let change = ClusterChange(key: event.object.key, applications: concerned)
        for subscriber in subscribers.values { subscriber.yield(change) }
        for waiter in waiters.values { waiter.yield() }
    }

    private func insert(_ object: KubeObject) {
        let key = object.key
        objects[key] = object
        if let uid = object.uid { keysByUID[uid] = key }
        if let app = tracking.application(of: object) {
            resourcesByApp[app, default: []].insert(key)
        } else if object.ownerReferences.isEmpty, let namespace = object.namespace, !namespace.isEmpty {
            untrackedByNamespace[namespace, default: []].insert(key)
        }
        for owner in object.ownerReferences { childrenByOwner[owner.uid, default: []].insert(key) }
    }

    private func remove(_ object: KubeObject) {
        let key = object.key
        objects[key] = nil
        if let uid = object.uid, keysByUID[uid] == key { keysByUID[uid] = nil }
        if let app = tracking.application(of: object) {
            resourcesByApp[app]?.remove(key)
            if resourcesByApp[app]?.isEmpty == true { resourcesByApp[app] = nil }
        } else if let namespace = object.namespace, untrackedByNamespace[namespace]?.remove(key) != nil, untrackedByNamespace[namespace]?.isEmpty == true {
            untrackedByNamespace[namespace] = nil
        }
        for owner in object.ownerReferences {
            childrenByOwner[owner.uid]?.remove(key)
            if childrenByOwner[owner.uid]?.isEmpty == true { childrenByOwner[owner.uid] = nil }
        }
    }

    /// The applications an object belongs to: its own tracking, or that of the nearest tracked owner
    /// (a Pod belongs to the application of its Deployment).
    private func applications(of object: KubeObject) -> Set<String> {
        var current: KubeObject? = object
        for _ in 0..<8 {
            guard let candidate = current else { return [] }
            if let app = tracking.application(of: candidate) { return [app] }
            current = candidate.controllerReference.flatMap { keysByUID[$0.uid] }.flatMap { objects[$0] }
        }
        return []
    }
}
