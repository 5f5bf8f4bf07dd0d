import ClusterTestSupport
import Testing

/// Polls (test-side only) until `condition` holds; records an issue naming `what` and the state
/// `detail` describes, and throws, after `timeout`.
func eventually(
    _ what: String, timeout: Duration = .seconds(60), detail: () async -> String = { "" }, _ condition: () async throws -> Bool
) async throws {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(100))
    }
    let state = await detail()
    Issue.record("timed out waiting for \(what)\(state.isEmpty ? "" : "; \(state)")")
    throw TestFailure("timed out waiting for \(what)")
}
