import KubeModel

/// A controller of the simulated workloads, written as Kubernetes controllers are: it watches the
/// resources it cares about, maps each change to the keys of the objects it must look at again, and
/// reconciles one key at a time by reading the current state and writing what should change.
///
/// Reconciling is level-triggered: `reconcile` reads everything it needs from the store, so it does not
/// matter which event queued the key or how many events were coalesced into one call.
protocol Reconciler: ClusterController {
    /// The client the controller writes through.
    var client: InProcessClient { get }
    /// The storage keys of the watched resources; the first is the resource the controller manages.
    var watchedStorages: [String] { get }
    /// How many keys may be reconciled at once.
    var workers: Int { get }
    /// The keys a change concerns (the object itself, its controlling owner, the services selecting it...).
    func keys(for event: WatchEvent, object: JSONValue) async -> [ObjectKey]
    /// Brings the object at `key` to its desired state; returns when to look again if time alone will
    /// change the outcome (a delay, minReadySeconds, a deadline, a schedule), nil otherwise.
    func reconcile(_ key: ObjectKey) async -> Duration?
}

extension Reconciler {
    var workers: Int { 2 }

    func run() async {
        await ReconcileLoop(reconciler: self).run()
    }
}
