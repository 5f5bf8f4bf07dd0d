/// Polls (test-side only: controllers themselves never poll) until `condition` holds; after
/// `timeout` throws a ``TestFailure`` naming `what` and what `detail` says about the state.
public func eventually(
    _ what: String, timeout: Duration = .seconds(60), detail: () async -> String = { "" }, _ condition: () async throws -> Bool
) async throws {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(100))
    }
    let state = await detail()
    throw TestFailure("timed out waiting for \(what)\(state.isEmpty ? "" : "; \(state)")")
}
