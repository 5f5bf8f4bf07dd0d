import Foundation
import Synchronization

/// Failed logins per user name, for upstream's lockout: after `maxFailures` failures within
/// `window`, every login of that name — the right password included — is refused until the window
/// has passed since the last failure. Names that do not exist are counted too, so that the answer
/// does not tell which accounts exist. The table is bounded (oldest entries go first) so that a
/// flood of invented names cannot grow it without limit.
final class LoginAttempts: Sendable {
    private struct Record {
        var failures: Int
        var lastFailure: ContinuousClock.Instant
    }

    private let records = Mutex<[String: Record]>([:])
    let maxFailures: Int
    let window: Duration
    private let capacity: Int

    init(maxFailures: Int, window: Duration, capacity: Int) {
        self.maxFailures = maxFailures
        self.window = window
        self.capacity = capacity
    }

    /// Reads upstream's settings: `ARGOCD_SESSION_FAILURE_MAX_FAIL_COUNT` (also accepted as
    /// `ARGOCD_SESSION_MAX_FAIL_COUNT`, default 5; 0 turns lockout off),
    /// `ARGOCD_SESSION_FAILURE_WINDOW_SECONDS` (default 300) and `ARGOCD_SESSION_MAX_CACHE_SIZE` (default 1000).
    convenience init(environment: [String: String]) {
        let failures = (environment["ARGOCD_SESSION_FAILURE_MAX_FAIL_COUNT"] ?? environment["ARGOCD_SESSION_MAX_FAIL_COUNT"]).flatMap(Int.init) ?? 5
        let window = environment["ARGOCD_SESSION_FAILURE_WINDOW_SECONDS"].flatMap(Int.init) ?? 300
        let capacity = environment["ARGOCD_SESSION_MAX_CACHE_SIZE"].flatMap(Int.init) ?? 1000
        self.init(maxFailures: failures, window: .seconds(window), capacity: max(capacity, 1))
    }

    /// Seconds until `name` may try again, or nil when it may try now.
    func lockedFor(_ name: String, now: ContinuousClock.Instant = .now) -> Int? {
        guard maxFailures > 0 else { return nil }
        return records.withLock { records in
            guard let record = records[name] else { return nil }
            let elapsed = now - record.lastFailure
            if elapsed > window {
                records[name] = nil
                return nil
            }
            guard record.failures >= maxFailures else { return nil }
            return max(1, Int((window - elapsed).components.seconds))
        }
    }

    /// Counts a failure of `name`.
    func fail(_ name: String, now: ContinuousClock.Instant = .now) {
        records.withLock { records in
            var record = records[name] ?? Record(failures: 0, lastFailure: now)
            if now - record.lastFailure > window { record.failures = 0 }
            record.failures += 1
            record.lastFailure = now
            records[name] = record
            if records.count > capacity, let oldest = records.min(by: { $0.value.lastFailure < $1.value.lastFailure })?.key {
                records[oldest] = nil
            }
        }
    }

    /// Forgets the failures of `name` after a successful login.
    func succeed(_ name: String) {
        _ = records.withLock { $0.removeValue(forKey: name) }
    }
}
