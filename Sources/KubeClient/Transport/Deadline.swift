/// Runs `operation`, giving up with a ``KubeError/Category/timeout`` after `limit`.
///
/// AsyncHTTPClient's deadline ends at the response head; this bounds the whole call, body included,
/// so that a server that stalls mid-body cannot hang a controller.
func withDeadline<T: Sendable>(
    _ limit: Duration, _ what: @autoclosure () -> String, _ operation: @escaping @Sendable () async throws(KubeError) -> T
) async throws(KubeError) -> T {
    let description = what()
    let result: Result<T, KubeError> = await withTaskGroup(of: Result<T, KubeError>?.self) { group in
        group.addTask {
            do throws(KubeError) { return .success(try await operation()) } catch { return .failure(error) }
        }
        group.addTask {
            do { try await Task.sleep(for: limit) } catch { return nil }
            return .failure(KubeError(.timeout, "no complete answer within \(limit)", request: description))
        }
        var outcome: Result<T, KubeError>?
        while outcome == nil, let next = await group.next() {
            outcome = next
        }
        group.cancelAll()
        return outcome ?? .failure(KubeError(.cancelled, "cancelled", request: description))
    }
    return try result.get()
}
