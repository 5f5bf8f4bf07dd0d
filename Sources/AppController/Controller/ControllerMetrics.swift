import Synchronization

/// The controller's metrics under upstream's names: `argocd_app_reconcile` (a histogram of refresh
/// durations) and `argocd_app_sync_total` (syncs by phase).
public final class ControllerMetrics: Sendable {
    static let buckets: [Double] = [0.25, 0.5, 1, 2, 4, 8, 16]

    private struct State {
        var reconcileBuckets = [Int](repeating: 0, count: ControllerMetrics.buckets.count)
        var reconcileCount = 0
        var reconcileSum = 0.0
        var syncs: [String: Int] = [:]
    }

    private let state = Mutex(State())

    /// Records one refresh that took `seconds`.
    func recordReconcile(seconds: Double) {
        state.withLock { state in
            for (index, bound) in Self.buckets.enumerated() where seconds <= bound { state.reconcileBuckets[index] += 1 }
            state.reconcileCount += 1
            state.reconcileSum += seconds
        }
    }

    /// Records a finished sync operation.
    func recordSync(phase: String) {
        state.withLock { $0.syncs[phase, default: 0] += 1 }
    }

    /// Refreshes so far.
    public var reconciles: Int { state.withLock { $0.reconcileCount } }

    /// The metrics in the Prometheus text format.
    public func exposition() -> String {
        let snapshot = state.withLock { $0 }
        var lines = ["# HELP argocd_app_reconcile Application reconciliation performance in seconds.", "# TYPE argocd_app_reconcile histogram"]
        for (index, bound) in Self.buckets.enumerated() { lines.append("argocd_app_reconcile_bucket{le=\"\(bound)\"} \(snapshot.reconcileBuckets[index])") }
        lines.append("argocd_app_reconcile_bucket{le=\"+Inf\"} \(snapshot.reconcileCount)")
        lines.append("argocd_app_reconcile_sum \(snapshot.reconcileSum)")
        lines.append("argocd_app_reconcile_count \(snapshot.reconcileCount)")
        lines.append("# HELP argocd_app_sync_total Number of application syncs.")
        lines.append("# TYPE argocd_app_sync_total counter")
        for (phase, count) in snapshot.syncs.sorted(by: { $0.key < $1.key }) { lines.append("argocd_app_sync_total{phase=\"\(phase)\"} \(count)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
