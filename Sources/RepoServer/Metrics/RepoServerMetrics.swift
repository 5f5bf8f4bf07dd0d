import Foundation
import Synchronization

/// The repo server's Prometheus metrics, under upstream's names so that existing dashboards and
/// alerts keep working: `argocd_git_request_total`, `argocd_git_request_duration_seconds` and
/// `argocd_repo_pending_request_total`, plus Wharf's `wharf_manifest_generation_total`.
public final class RepoServerMetrics: Sendable {
    /// The histogram buckets of git request durations, in seconds (upstream's).
    static let durationBuckets: [Double] = [0.1, 0.25, 0.5, 1, 2, 4, 10, 20]

    private struct RequestSeries: Hashable {
        var repo: String
        var type: String
    }

    private struct State {
        var requests: [RequestSeries: Int] = [:]
        var durations: [RequestSeries: (buckets: [Int], sum: Double, count: Int)] = [:]
        var pending: [String: Int] = [:]
        var generations: [String: Int] = [:]
    }

    private let state = Mutex(State())

    /// Empty metrics.
    public init() {}

    /// Records one git request (`ls-remote` or `fetch`) to `repo` that took `seconds`.
    func recordGitRequest(repo: String, type: String, seconds: Double) {
        let series = RequestSeries(repo: repo, type: type)
        state.withLock { state in
            state.requests[series, default: 0] += 1
            var histogram = state.durations[series] ?? (Array(repeating: 0, count: Self.durationBuckets.count), 0, 0)
            for (index, bound) in Self.durationBuckets.enumerated() where seconds <= bound { histogram.buckets[index] += 1 }
            histogram.sum += seconds
            histogram.count += 1
            state.durations[series] = histogram
        }
    }

    /// Changes the number of requests waiting for `repo` by `delta`.
    func adjustPending(repo: String, by delta: Int) {
        state.withLock { $0.pending[repo, default: 0] += delta }
    }

    /// Records one manifest generation (a render that the cache could not answer) of `sourceType`.
    func recordGeneration(_ sourceType: SourceType) {
        state.withLock { $0.generations[sourceType.rawValue, default: 0] += 1 }
    }

    /// Git requests so far of `type` (`ls-remote`, `fetch`), over every repository or for one.
    public func gitRequests(type: String, repo: String? = nil) -> Int {
        state.withLock { state in state.requests.filter { $0.key.type == type && (repo == nil || $0.key.repo == repo) }.values.reduce(0, +) }
    }

    /// Generations so far, over every source type.
    public var generations: Int { state.withLock { $0.generations.values.reduce(0, +) } }

    /// Requests currently waiting, over every repository.
    public var pendingRequests: Int { state.withLock { $0.pending.values.reduce(0, +) } }

    /// The metrics in the Prometheus text exposition format.
    public func exposition() -> String {
        let snapshot = state.withLock { $0 }
        var lines: [String] = []
        lines.append("# HELP argocd_git_request_total Number of git requests performed by repo server")
        lines.append("# TYPE argocd_git_request_total counter")
        for (series, count) in snapshot.requests.sorted(by: { ($0.key.repo, $0.key.type) < ($1.key.repo, $1.key.type) }) {
            lines.append("argocd_git_request_total{repo=\(quoted(series.repo)),request_type=\(quoted(series.type))} \(count)")
        }
        lines.append("# HELP argocd_git_request_duration_seconds Git requests duration seconds.")
        lines.append("# TYPE argocd_git_request_duration_seconds histogram")
        for (series, histogram) in snapshot.durations.sorted(by: { ($0.key.repo, $0.key.type) < ($1.key.repo, $1.key.type) }) {
            let labels = "repo=\(quoted(series.repo)),request_type=\(quoted(series.type))"
            for (index, bound) in Self.durationBuckets.enumerated() {
                lines.append("argocd_git_request_duration_seconds_bucket{\(labels),le=\"\(format(bound))\"} \(histogram.buckets[index])")
            }
            lines.append("argocd_git_request_duration_seconds_bucket{\(labels),le=\"+Inf\"} \(histogram.count)")
            lines.append("argocd_git_request_duration_seconds_sum{\(labels)} \(histogram.sum)")
            lines.append("argocd_git_request_duration_seconds_count{\(labels)} \(histogram.count)")
        }
        lines.append("# HELP argocd_repo_pending_request_total Number of pending requests requiring repository lock")
        lines.append("# TYPE argocd_repo_pending_request_total gauge")
        for (repo, count) in snapshot.pending.sorted(by: { $0.key < $1.key }) {
            lines.append("argocd_repo_pending_request_total{repo=\(quoted(repo))} \(count)")
        }
        lines.append("# HELP wharf_manifest_generation_total Number of manifest generations the cache could not answer")
        lines.append("# TYPE wharf_manifest_generation_total counter")
        for (type, count) in snapshot.generations.sorted(by: { $0.key < $1.key }) {
            lines.append("wharf_manifest_generation_total{source_type=\(quoted(type))} \(count)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func quoted(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n") + "\""
    }

    private func format(_ bound: Double) -> String {
        bound == bound.rounded() ? String(Int(bound)) : String(bound)
    }
}
