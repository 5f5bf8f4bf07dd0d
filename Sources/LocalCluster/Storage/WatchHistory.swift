/// A bounded window of the most recent changes, in resource-version order, for resuming watches.
struct WatchHistory {
    private var buffer: [WatchEvent?]
    private var start = 0
    private var count = 0
    /// The version just before the oldest change still held; a watch from an older version has missed events.
    private(set) var oldestAvailable: Int64 = 0

    init(capacity: Int) {
        buffer = Array(repeating: nil, count: max(capacity, 1))
    }

    /// Declares that nothing before `version` is held (used when a store starts).
    mutating func startAfter(_ version: Int64) {
        oldestAvailable = version
    }

    mutating func append(_ event: WatchEvent) {
        if count == buffer.count {
            oldestAvailable = buffer[start]!.object.resourceVersion
            buffer[start] = event
            start = (start + 1) % buffer.count
        } else {
            buffer[(start + count) % buffer.count] = event
            count += 1
        }
    }

    /// The changes after `version`, or nil when some of them are no longer held.
    func events(after version: Int64) -> [WatchEvent]? {
        guard version >= oldestAvailable else { return nil }
        // Versions are increasing: binary search for the first newer one.
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if buffer[(start + middle) % buffer.count]!.object.resourceVersion <= version {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return (low..<count).map { buffer[(start + $0) % buffer.count]! }
    }
}
