public import KubeModel

/// Hands out one ``SharedInformer`` per resource and namespace, so that every controller in a
/// process shares one list and one watch per resource, and runs them all.
public actor InformerFactory {
    private struct Key: Hashable {
        var resource: GroupVersionResource
        var namespace: String?
    }

    private let client: KubeClient
    private var informers: [Key: SharedInformer] = [:]
    private let (added, addedContinuation) = AsyncStream.makeStream(of: SharedInformer.self)
    private var running = false

    /// Creates a factory for `client`'s cluster.
    public init(client: KubeClient) {
        self.client = client
    }

    /// The shared informer of `resource` in `namespace` (nil: all namespaces), created on first use;
    /// it starts at once if ``run()`` is running, else when it starts.
    public func informer(for resource: GroupVersionResource, namespace: String? = nil) -> SharedInformer {
        let key = Key(resource: resource, namespace: namespace)
        if let existing = informers[key] { return existing }
        let informer = SharedInformer(client: client, resource: resource, namespace: namespace)
        informers[key] = informer
        addedContinuation.yield(informer)
        return informer
    }

    /// Waits until every informer handed out so far has its first list cached.
    public func waitForCacheSync() async {
        for informer in informers.values { await informer.waitForCacheSync() }
    }

    /// Runs every informer, including ones created later, until the calling task is cancelled.
    public func run() async {
        guard !running else { return }
        running = true
        let added = self.added
        await withDiscardingTaskGroup { group in
            for await informer in added {
                group.addTask { await informer.run() }
            }
        }
    }
}
