public import KubeModel

/// A watch-fed cache of one resource (in one namespace or all), shared by every part of a process
/// that needs it. Its reflector lists once, then watches from the list's version: a watch that ends
/// is resumed from the last version seen (bookmarks keep that version fresh), a version the server
/// has forgotten (410) leads to a new list whose differences from the cache are delivered as
/// events, and connection failures are retried with backoff. So subscribers see every change, in
/// order per object, across server restarts.
///
/// Run it with ``run()`` (it returns when its task is cancelled); subscribe with ``events()``.
public actor SharedInformer {
    /// The resource followed.
    public nonisolated let resource: GroupVersionResource
    /// The namespace followed; nil follows all.
    public nonisolated let namespace: String?
    private let client: KubeClient
    private let selectors: ListOptions
    private let kind: String?
    private var cache: ObjectIndexer
    private var subscribers: [Int: AsyncStream<InformerEvent>.Continuation] = [:]
    private var nextSubscriber = 0
    private var synced = false
    private var syncWaiters: [CheckedContinuation<Void, Never>] = []
    private var lastResourceVersion: String?
    private var listCount = 0
    /// How long each watch asks the server to run, in seconds, drawn at random so that many
    /// informers do not all re-watch at the same moment.
    private let watchTimeout: ClosedRange<Int>

    /// Creates an informer; nothing is read until ``run()``.
    /// - Parameters:
    ///   - selectors: Label and field selectors limiting what is cached.
    ///   - indexes: Custom indexes beside the built-in namespace, owner and label ones.
    ///   - kind: The resource's kind, if known (else discovery is asked).
    ///   - watchTimeout: Seconds each watch runs before it is renewed; client-go's 5–10 minutes by default.
    public init(
        client: KubeClient, resource: GroupVersionResource, namespace: String? = nil, selectors: ListOptions = ListOptions(),
        indexes: [String: ObjectIndexer.IndexFunction] = [:], kind: String? = nil, watchTimeout: ClosedRange<Int> = 300...600
    ) {
        self.watchTimeout = watchTimeout
        self.client = client
        self.resource = resource
        self.namespace = namespace
        self.selectors = selectors
        self.kind = kind
        cache = ObjectIndexer(custom: indexes)
    }

    // MARK: - Reading the cache

    /// The cached object, if any.
    public func get(namespace: String? = nil, name: String) -> KubeObject? {
        cache[ObjectIndexer.key(namespace: namespace, name: name)]
    }

    /// Every cached object.
    public func list() -> [KubeObject] { cache.all }

    /// The cached objects under `value` in index `name` (``ObjectIndexer/namespaceIndex``, ...).
    public func objects(in index: String, value: String) -> [KubeObject] {
        cache.objects(in: index, value: value)
    }

    /// How many objects are cached.
    public var count: Int { cache.count }

    /// The version of the last list, watch event or bookmark applied.
    public var resourceVersion: String? { lastResourceVersion }

    /// Whether the first list has been cached.
    public var hasSynced: Bool { synced }

    /// How many times the informer listed: once at start, then after every watch that could not
    /// resume (410 Expired, or a resource that vanished and came back).
    public var lists: Int { listCount }

    /// Returns once the first list has been cached.
    public func waitForCacheSync() async {
        if synced { return }
        await withCheckedContinuation { syncWaiters.append($0) }
    }

    /// Changes from now on, starting with an `added` event for every object already cached (so a
    /// late subscriber sees the same world as an early one) unless `replayingCache` is false (for a
    /// subscriber that reads the current state some other way). The stream ends when the informer stops.
    public func events(replayingCache: Bool = true) -> AsyncStream<InformerEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: InformerEvent.self, bufferingPolicy: .unbounded)
        if replayingCache {
            for object in cache.all { continuation.yield(.added(object)) }
        }
        let id = nextSubscriber
        nextSubscriber += 1
        subscribers[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.unsubscribe(id) }
        }
        return stream
    }

    private func unsubscribe(_ id: Int) {
        subscribers[id] = nil
    }

    // MARK: - The reflector

    /// Lists and watches until the calling task is cancelled; then ends every subscriber's stream.
    public func run() async {
        var needsList = true
        var failures = 0
        while !Task.isCancelled {
            do throws(KubeError) {
                if needsList {
                    try await relist()
                    needsList = false
                }
                let options = WatchOptions(
                    resourceVersion: lastResourceVersion, labelSelector: selectors.labelSelector, fieldSelector: selectors.fieldSelector,
                    timeoutSeconds: Int.random(in: watchTimeout), allowBookmarks: true)
                let stream = try await client.watch(resource, namespace: namespace, options: options, kind: kind)
                failures = 0
                for try await event in stream { apply(event) }
            } catch {
                switch error.category {
                case .cancelled:
                    break
                case .expired:
                    // The server forgot our version: only a new list can tell what changed meanwhile.
                    needsList = true
                default:
                    failures += 1
                    if error.category == .notFound || error.category == .badResponse { needsList = true }
                    try? await Task.sleep(for: Self.backoff(after: failures))
                }
            }
        }
        for continuation in subscribers.values { continuation.finish() }
        subscribers = [:]
    }

    /// 0.8 s doubling to 30 s, with jitter, as client-go's reflector backs off.
    private static func backoff(after failures: Int) -> Duration {
        let seconds = min(30, 0.8 * Double(1 << min(failures - 1, 6)))
        return .seconds(seconds * Double.random(in: 0.75...1.25))
    }

    /// Lists everything and reconciles the cache with it, delivering the differences as events.
    private func relist() async throws(KubeError) {
        let list = try await client.listAll(resource, namespace: namespace, options: selectors)
        listCount += 1
        var seen = Set<String>()
        seen.reserveCapacity(list.items.count)
        for object in list.items {
            let key = ObjectIndexer.key(of: object)
            seen.insert(key)
            if let old = cache[key], old.resourceVersion == object.resourceVersion { continue }
            if let old = cache.upsert(object) {
                deliver(.updated(old: old, new: object))
            } else {
                deliver(.added(object))
            }
        }
        for key in Array(cache.keys) where !seen.contains(key) {
            if let old = cache.remove(key) { deliver(.deleted(old)) }
        }
        lastResourceVersion = list.resourceVersion
        if !synced {
            synced = true
            for waiter in syncWaiters { waiter.resume() }
            syncWaiters = []
        }
    }

    private func apply(_ event: WatchEvent) {
        if let version = event.object.resourceVersion, !version.isEmpty { lastResourceVersion = version }
        switch event.type {
        case .bookmark:
            return
        case .added, .modified:
            let key = ObjectIndexer.key(of: event.object)
            if let old = cache[key], old.resourceVersion == event.object.resourceVersion { return }
            if let old = cache.upsert(event.object) {
                deliver(.updated(old: old, new: event.object))
            } else {
                deliver(.added(event.object))
            }
        case .deleted:
            if let old = cache.remove(ObjectIndexer.key(of: event.object)) { deliver(.deleted(event.object.resourceVersion == nil ? old : event.object)) }
        }
    }

    private func deliver(_ event: InformerEvent) {
        for continuation in subscribers.values { continuation.yield(event) }
    }
}
