/// Per-key exponential backoff with an overall token bucket, like client-go's default controller rate
/// limiter: a key that keeps failing waits `base × 2^failures` (up to `maximum`), and all retries
/// together stay under `rate` per second after a `burst`.
struct ItemBackoff<Key: Hashable & Sendable>: Sendable {
    var base: Duration = .milliseconds(5)
    var maximum: Duration = .seconds(1000)
    var rate: Double = 10
    var burst: Double = 100
    private var failures: [Key: Int] = [:]
    private var tokens: Double
    private var updated: ContinuousClock.Instant = .now

    init(base: Duration = .milliseconds(5), maximum: Duration = .seconds(1000), rate: Double = 10, burst: Int = 100) {
        self.base = base
        self.maximum = maximum
        self.rate = rate
        self.burst = Double(burst)
        tokens = Double(burst)
    }

    /// Records a failure of `key` and returns how long it should wait before its next try.
    mutating func nextDelay(for key: Key) -> Duration {
        let count = failures[key, default: 0]
        failures[key] = count + 1
        var perKey = base
        for _ in 0..<min(count, 40) where perKey < maximum { perKey = perKey * 2 }
        perKey = min(perKey, maximum)
        return max(perKey, bucketDelay())
    }

    /// How many times `key` failed since it was last forgotten.
    func failureCount(of key: Key) -> Int { failures[key, default: 0] }

    /// Clears `key`'s history after it succeeded.
    mutating func forget(_ key: Key) {
        failures[key] = nil
    }

    private mutating func bucketDelay() -> Duration {
        let now = ContinuousClock.now
        let elapsed = now - updated
        tokens = min(burst, tokens + (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18) * rate)
        updated = now
        tokens -= 1
        return tokens >= 0 ? .zero : .seconds(-tokens / rate)
    }
}
