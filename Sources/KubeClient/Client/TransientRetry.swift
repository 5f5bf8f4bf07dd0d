/// Runs an idempotent request again while the server answers with a transient error.
///
/// The client itself retries only what client-go retries (answers with `Retry-After`, and reads);
/// callers whose writes state a result rather than a change (an apply, a merge patch of full values,
/// a delete) can use this to ride out a flaky server instead of failing.
public enum TransientRetry {
    /// Calls `request` up to `attempts` times, waiting `initialDelay`, doubling, between tries, while
    /// it fails with a retryable error and the task is not cancelled; rethrows the last error.
    public static func run<T: Sendable>(
        attempts: Int = 5, initialDelay: Duration = .milliseconds(100), isolation: isolated (any Actor)? = #isolation,
        _ request: () async throws(KubeError) -> T
    ) async throws(KubeError) -> T {
        var delay = initialDelay
        var attempt = 1
        while true {
            do {
                return try await request()
            } catch {
                guard error.isRetryable, attempt < attempts, !Task.isCancelled else { throw error }
            }
            try? await Task.sleep(for: delay)
            delay = delay * 2
            attempt += 1
        }
    }
}
