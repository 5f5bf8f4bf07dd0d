/// A control loop of the embedded cluster (garbage collector, namespace lifecycle, simulated workloads).
///
/// Controllers react to the store's change feed and write through an ``InProcessClient``, so every
/// change they make is an ordinary API write that clients can watch.
public protocol ClusterController: Sendable {
    /// A name for logs and for the field manager of its writes.
    var name: String { get }

    /// Runs until the task is cancelled.
    func run() async
}
