import Synchronization

/// The API server's Prometheus counters: upstream's `argocd_login_request_total` and requests by route.
final class APIMetrics: Sendable {
    private let logins = Mutex<[String: Int]>([:])
    private let requests = Mutex<[String: Int]>([:])

    func countLogin(status: String) { logins.withLock { $0[status, default: 0] += 1 } }

    func countRequest(method: String, route: String, code: Int) {
        requests.withLock { $0["method=\"\(method)\",route=\"\(route)\",code=\"\(code)\"", default: 0] += 1 }
    }

    /// The text exposition format.
    var exposition: String {
        var lines = ["# HELP argocd_login_request_total Number of login requests.", "# TYPE argocd_login_request_total counter"]
        for (status, count) in logins.withLock({ $0 }).sorted(by: { $0.key < $1.key }) {
            lines.append("argocd_login_request_total{status=\"\(status)\"} \(count)")
        }
        lines += ["# HELP wharf_api_request_total API requests by route and status code.", "# TYPE wharf_api_request_total counter"]
        for (labels, count) in requests.withLock({ $0 }).sorted(by: { $0.key < $1.key }) {
            lines.append("wharf_api_request_total{\(labels)} \(count)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
