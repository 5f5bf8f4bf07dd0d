/// A token-bucket rate limiter, like client-go's: `burst` requests at once, then `rate` per second.
///
/// Callers reserve a slot and sleep outside the actor, so waiting never blocks other callers'
/// reservations; reservations are handed out in call order.
actor TokenBucket {
    private let rate: Double
    private let burst: Double
    private var tokens: Double
    private var updated: ContinuousClock.Instant

    init(rate: Double, burst: Int) {
        self.rate = max(rate, 0.001)
        self.burst = Double(max(burst, 1))
        tokens = self.burst
        updated = .now
    }

    /// Takes a token, returning how long the caller must wait before using it.
    func reserve() -> Duration {
        let now = ContinuousClock.now
        let elapsed = now - updated
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        tokens = min(burst, tokens + seconds * rate)
        updated = now
        tokens -= 1
        return tokens >= 0 ? .zero : .seconds(-tokens / rate)
    }
}
