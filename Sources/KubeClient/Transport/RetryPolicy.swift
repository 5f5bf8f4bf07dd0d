/// Which failed requests are tried again, and how long to wait between tries.
///
/// Retried: connection failures, 429, 503 and 504 for every verb (the server did not act on the
/// request), and other 5xx answers for reads only (a write that failed with 500 may have happened).
/// The wait doubles from ``initialBackoff`` up to ``maximumBackoff``, with jitter so that many clients
/// do not retry in step; a server's `Retry-After` is honoured instead, up to ``maximumRetryAfter``.
public struct RetryPolicy: Sendable {
    /// Tries after the first; 0 disables retrying.
    public var maximumRetries: Int = 5
    /// The first wait.
    public var initialBackoff: Duration = .milliseconds(200)
    /// The longest computed wait.
    public var maximumBackoff: Duration = .seconds(5)
    /// The longest `Retry-After` honoured; longer requests are cut to this.
    public var maximumRetryAfter: Duration = .seconds(30)

    /// The default policy.
    public init() {}

    /// No retries.
    public static var never: RetryPolicy {
        var policy = RetryPolicy()
        policy.maximumRetries = 0
        return policy
    }

    /// Whether `error`, from a request with `method`, is worth trying again.
    func shouldRetry(_ error: KubeError, method: String) -> Bool {
        switch error.category {
        case .unreachable, .tooManyRequests: return true
        case .timeout: return error.statusCode == 504 || method == "GET"
        case .serverError: return error.statusCode == 503 || method == "GET"
        default: return false
        }
    }

    /// How long to wait before try number `attempt` (1 for the first retry).
    func delay(before attempt: Int, after error: KubeError) -> Duration {
        if let retryAfter = error.retryAfter { return min(retryAfter, maximumRetryAfter) }
        var backoff = initialBackoff
        for _ in 1..<max(attempt, 1) where backoff < maximumBackoff { backoff = backoff * 2 }
        backoff = min(backoff, maximumBackoff)
        return backoff * Double.random(in: 0.5...1.0)
    }
}
