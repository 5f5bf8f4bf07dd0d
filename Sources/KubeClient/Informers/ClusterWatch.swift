public import KubeModel

/// A live cache of a whole cluster: one informer per kind that can be listed and watched (preferred
/// versions, minus excluded kinds), and new ones as CustomResourceDefinitions appear. The
/// application controller builds its view of everything it manages on this.
public actor ClusterWatch {
    /// Kinds left out by default, as Argo CD's default `resource.exclusions` leave them out: they
    /// churn constantly and no one deploys them from Git.
    public static let defaultExclusions: Set<GroupKind> = [
        GroupKind(group: "", kind: "Event"), GroupKind(group: "events.k8s.io", kind: "Event"),
        GroupKind(group: "", kind: "Endpoints"), GroupKind(group: "discovery.k8s.io", kind: "EndpointSlice"),
        GroupKind(group: "coordination.k8s.io", kind: "Lease"),
        GroupKind(group: "authentication.k8s.io", kind: "TokenReview"),
        GroupKind(group: "authorization.k8s.io", kind: "SubjectAccessReview"),
        GroupKind(group: "authorization.k8s.io", kind: "SelfSubjectAccessReview"),
        GroupKind(group: "certificates.k8s.io", kind: "CertificateSigningRequest"),
    ]

    private static let customResourceDefinitions = GroupVersionResource(
        group: "apiextensions.k8s.io", version: "v1", resource: "customresourcedefinitions")

    private let client: KubeClient
    private let exclusions: Set<GroupKind>
    private var informers: [GroupVersionResource: (resource: APIResource, informer: SharedInformer, stop: AsyncStream<Void>.Continuation)] = [:]
    private var subscribers: [Int: AsyncStream<ClusterEvent>.Continuation] = [:]
    private var nextSubscriber = 0
    private let (changes, changesContinuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))

    /// Creates a whole-cluster watch; nothing is read until ``run()``.
    public init(client: KubeClient, exclusions: Set<GroupKind> = ClusterWatch.defaultExclusions) {
        self.client = client
        self.exclusions = exclusions
    }

    /// The resources being followed.
    public var resources: [APIResource] { informers.values.map(\.resource) }

    /// The informer of `resource`, if it is followed.
    public func informer(for resource: GroupVersionResource) -> SharedInformer? { informers[resource]?.informer }

    /// Every change of every followed kind, starting with `added` for objects already cached.
    public func events() async -> AsyncStream<ClusterEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: ClusterEvent.self, bufferingPolicy: .unbounded)
        let id = nextSubscriber
        nextSubscriber += 1
        subscribers[id] = continuation
        continuation.onTermination = { [weak self] _ in Task { await self?.unsubscribe(id) } }
        return stream
    }

    /// Waits until every followed kind has its first list cached.
    public func waitForCacheSync() async {
        for entry in informers.values { await entry.informer.waitForCacheSync() }
    }

    /// Discovers the kinds, runs their informers and follows CRDs, until the calling task is cancelled.
    public func run() async {
        await withDiscardingTaskGroup { group in
            let definitions = SharedInformer(client: client, resource: Self.customResourceDefinitions, kind: "CustomResourceDefinition")
            group.addTask { await definitions.run() }
            group.addTask { [changesContinuation] in
                // Any CRD change may add or remove kinds; coalesced, so a burst costs one rediscovery.
                for await _ in await definitions.events() { changesContinuation.yield() }
            }
            changesContinuation.yield()
            for await _ in changes {
                await rediscover(group: &group)
            }
        }
        for continuation in subscribers.values { continuation.finish() }
    }

    private func unsubscribe(_ id: Int) {
        subscribers[id] = nil
    }

    private func rediscover(group: inout DiscardingTaskGroup) async {
        await client.discovery.invalidate()
        guard let available = try? await client.discovery.preferredResources() else {
            // Retried on the next CRD change; a failing server is the informers' problem meanwhile.
            return
        }
        let wanted = available.filter { $0.isWatchable && !exclusions.contains($0.groupVersionKind.groupKind) }
        let wantedKeys = Set(wanted.map(\.groupVersionResource))
        for (key, entry) in informers where !wantedKeys.contains(key) {
            entry.stop.yield()
            entry.stop.finish()
            informers[key] = nil
        }
        for resource in wanted where informers[resource.groupVersionResource] == nil {
            let informer = SharedInformer(client: client, resource: resource.groupVersionResource, kind: resource.kind)
            let (stop, stopContinuation) = AsyncStream.makeStream(of: Void.self)
            informers[resource.groupVersionResource] = (resource, informer, stopContinuation)
            let events = await informer.events()
            group.addTask { [weak self] in
                await withTaskGroup(of: Void.self) { lifetime in
                    lifetime.addTask { await informer.run() }
                    lifetime.addTask {
                        for await event in events { await self?.deliver(ClusterEvent(resource: resource, event: event)) }
                    }
                    lifetime.addTask { for await _ in stop { break } }
                    // Whichever ends first (a stop, or cancellation) ends the others.
                    await lifetime.next()
                    lifetime.cancelAll()
                }
            }
        }
    }

    private func deliver(_ event: ClusterEvent) {
        for continuation in subscribers.values { continuation.yield(event) }
    }
}
