import Synchronization

/// Counts of requests a client made, by verb, resource and answer, and the time it spent waiting on
/// its rate limiter. These are what Argo CD exports as `argocd_app_k8s_request_total`.
public final class RequestMetrics: Sendable {
    /// One counter's labels.
    public struct Key: Sendable, Hashable {
        /// The API verb: get, list, watch, create, update, patch, delete, deletecollection, or the
        /// lowercase HTTP method for non-resource paths.
        public var verb: String
        /// The plural resource (with `/subresource`), or the path for non-resource requests.
        public var resource: String
        /// The HTTP status code, or 0 when no answer came (connection failure, timeout).
        public var statusCode: Int
    }

    private struct State {
        var requests: [Key: Int] = [:]
        var throttled = 0
        var throttleWait: Duration = .zero
        var retries = 0
    }

    private let state = Mutex(State())

    init() {}

    /// Requests made so far, by key.
    public var requests: [Key: Int] { state.withLock { $0.requests } }
    /// How many requests had to wait for the rate limiter.
    public var throttledRequests: Int { state.withLock { $0.throttled } }
    /// The total time requests waited for the rate limiter.
    public var throttleWait: Duration { state.withLock { $0.throttleWait } }
    /// How many requests were retried (each retry counted once).
    public var retries: Int { state.withLock { $0.retries } }

    func record(verb: String, resource: String, statusCode: Int) {
        state.withLock { $0.requests[Key(verb: verb, resource: resource, statusCode: statusCode), default: 0] += 1 }
    }

    func recordThrottle(_ wait: Duration) {
        state.withLock {
            $0.throttled += 1
            $0.throttleWait += wait
        }
    }

    func recordRetry() {
        state.withLock { $0.retries += 1 }
    }
}
