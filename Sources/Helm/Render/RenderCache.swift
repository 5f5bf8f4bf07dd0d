import Synchronization

/// Parsed charts by content digest, so that a chart rendered for many applications is parsed once;
/// bounded, evicting the least recently used entry.
public final class RenderCache: Sendable {
    private struct State {
        var entries: [String: ParsedChart] = [:]
        var order: [String] = []
    }

    private let state = Mutex(State())
    /// The most charts kept.
    public let capacity: Int

    /// Creates a cache holding up to `capacity` parsed charts.
    public init(capacity: Int = 64) {
        self.capacity = capacity
    }

    /// The process-wide cache.
    public static let shared = RenderCache()

    func parsed(_ key: String, parse: () throws(HelmError) -> ParsedChart) throws(HelmError) -> ParsedChart {
        if let hit = state.withLock({ state -> ParsedChart? in
            guard let hit = state.entries[key] else { return nil }
            state.order.removeAll { $0 == key }
            state.order.append(key)
            return hit
        }) {
            return hit
        }
        let parsed = try parse()
        state.withLock { state in
            state.entries[key] = parsed
            state.order.append(key)
            while state.order.count > capacity {
                state.entries[state.order.removeFirst()] = nil
            }
        }
        return parsed
    }

    /// The number of charts held.
    public var count: Int { state.withLock { $0.entries.count } }

    /// Empties the cache.
    public func removeAll() { state.withLock { $0 = State() } }
}
