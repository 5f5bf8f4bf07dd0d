/// At most `limit` holders at once; the rest wait in arrival order. Waiting is counted so that the
/// pending-request metric can report it.
actor ConcurrencyLimit {
    private let limit: Int
    private var running = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(_ limit: Int) {
        self.limit = max(1, limit)
    }

    /// How many callers are waiting for a slot.
    var waiting: Int { waiters.count }

    /// Runs `body` once a slot is free.
    func run<T: Sendable, E: Error>(_ body: @Sendable () async throws(E) -> T) async throws(E) -> T {
        if running >= limit {
            await withCheckedContinuation { waiters.append($0) }
        } else {
            running += 1
        }
        defer { release() }
        return try await body()
    }

    private func release() {
        if waiters.isEmpty {
            running -= 1
        } else {
            // The slot passes straight to the next waiter, so `running` stays the same.
            waiters.removeFirst().resume()
        }
    }
}
