/// Values computed once per key even when many callers ask at the same time (they share the one
/// computation), remembered for `ttl` (forever when nil, not at all when zero) and up to `capacity` keys. Failures are not
/// remembered, so a fixed problem heals on the next request.
actor Memo<Value: Sendable> {
    private let ttl: Duration?
    private let capacity: Int
    private var values: [String: (value: Value, expiry: ContinuousClock.Instant?)] = [:]
    private var running: [String: Task<Value, any Error>] = [:]

    init(ttl: Duration?, capacity: Int = 10_000) {
        self.ttl = ttl
        self.capacity = capacity
    }

    /// The value of `key`, computing it with `compute` when it is missing or expired.
    func value(_ key: String, compute: @escaping @Sendable () async throws(SourceError) -> Value) async throws(SourceError) -> Value {
        if let entry = values[key], entry.expiry.map({ $0 > ContinuousClock.now }) ?? true { return entry.value }
        let task: Task<Value, any Error>
        if let shared = running[key] {
            task = shared
        } else {
            // Unstructured on purpose: callers share it, and it must finish even if its first caller is cancelled.
            task = Task { try await compute() }
            running[key] = task
        }
        do {
            let value = try await task.value
            if running[key] == task {
                running[key] = nil
                // A zero lifetime only shares computations in flight; nothing is worth keeping.
                if ttl != .zero {
                    if values.count >= capacity { values.removeAll(keepingCapacity: true) }
                    values[key] = (value, ttl.map { ContinuousClock.now + $0 })
                }
            }
            return value
        } catch {
            if running[key] == task { running[key] = nil }
            throw error as? SourceError ?? SourceError("\(error)")
        }
    }

    /// Forgets every key that starts with `prefix` (all keys when it is empty).
    func forget(prefix: String) {
        values = values.filter { !$0.key.hasPrefix(prefix) }
    }
}
