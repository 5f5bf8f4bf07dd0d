import DequeModule
import HeapModule

/// A controller's queue of keys to reconcile, with client-go's guarantees:
///
/// - a key waiting in the queue is there once, however often it is added;
/// - a key is never handed to two workers at once: added while being processed, it is queued again
///   when the worker calls ``done(_:)``;
/// - ``addRateLimited(_:)`` retries a failing key with exponential backoff, ``forget(_:)`` resets it;
/// - ``addAfter(_:delay:)`` adds a key later (requeue-after);
/// - ``shutDown()`` wakes waiting workers with nil; ``shutDownWithDrain()`` first waits for the keys
///   being processed to be done.
///
/// Workers loop: `while let key = await queue.next() { ...; await queue.done(key) }`.
public actor WorkQueue<Key: Hashable & Sendable> {
    private var queue: Deque<Key> = []
    /// Keys waiting to be processed (queued, or to be re-queued when their processing ends).
    private var dirty: Set<Key> = []
    private var processing: Set<Key> = []
    private var waiters: Deque<CheckedContinuation<Key?, Never>> = []
    private var drainWaiters: [CheckedContinuation<Void, Never>] = []
    private var shuttingDown = false
    private var backoff: ItemBackoff<Key>
    /// Keys to add later, by when; the timer task sleeps until the earliest. The heap may hold stale
    /// entries (a key re-delayed to an earlier time): an entry counts only if `delayed` agrees.
    private var delayed: [Key: ContinuousClock.Instant] = [:]
    private var schedule = Heap<Scheduled>()
    private var sequence = 0
    private var timer: Task<Void, Never>?
    private var timerDeadline: ContinuousClock.Instant?

    /// Creates a queue.
    /// - Parameters:
    ///   - baseDelay: The first retry delay of a failing key (client-go: 5 ms).
    ///   - maximumDelay: The longest retry delay (client-go: 1000 s).
    ///   - retriesPerSecond: The overall retry rate after `retryBurst` (client-go: 10 and 100).
    public init(
        baseDelay: Duration = .milliseconds(5), maximumDelay: Duration = .seconds(1000), retriesPerSecond: Double = 10, retryBurst: Int = 100
    ) {
        backoff = ItemBackoff(base: baseDelay, maximum: maximumDelay, rate: retriesPerSecond, burst: retryBurst)
    }

    /// Queues `key` unless it is already waiting.
    public func add(_ key: Key) {
        guard !shuttingDown, !dirty.contains(key) else { return }
        dirty.insert(key)
        guard !processing.contains(key) else { return }
        if let waiter = waiters.popFirst() {
            dirty.remove(key)
            processing.insert(key)
            waiter.resume(returning: key)
        } else {
            queue.append(key)
        }
    }

    /// Queues `key` after `delay`; a later call with an earlier time wins.
    public func addAfter(_ key: Key, delay: Duration) {
        guard !shuttingDown else { return }
        guard delay > .zero else { return add(key) }
        let when = ContinuousClock.now + delay
        if let existing = delayed[key], existing <= when { return }
        delayed[key] = when
        sequence += 1
        schedule.insert(Scheduled(when: when, sequence: sequence, key: key))
        armTimer()
    }

    /// Queues `key` after its backoff: longer each time it is added this way, until ``forget(_:)``.
    public func addRateLimited(_ key: Key) {
        addAfter(key, delay: backoff.nextDelay(for: key))
    }

    /// Clears `key`'s failure count, after it was processed successfully.
    public func forget(_ key: Key) {
        backoff.forget(key)
    }

    /// How many times `key` was re-queued with ``addRateLimited(_:)`` since it was last forgotten.
    public func retries(of key: Key) -> Int {
        backoff.failureCount(of: key)
    }

    /// The next key to process, waiting for one; nil once the queue shuts down.
    public func next() async -> Key? {
        if let key = queue.popFirst() {
            dirty.remove(key)
            processing.insert(key)
            return key
        }
        if shuttingDown { return nil }
        return await withCheckedContinuation { waiters.append($0) }
    }

    /// Marks `key` as processed; if it was added meanwhile, it is queued again.
    public func done(_ key: Key) {
        processing.remove(key)
        if dirty.contains(key) {
            if shuttingDown {
                dirty.remove(key)
            } else if let waiter = waiters.popFirst() {
                dirty.remove(key)
                processing.insert(key)
                waiter.resume(returning: key)
            } else {
                queue.append(key)
            }
        }
        if processing.isEmpty {
            for waiter in drainWaiters { waiter.resume() }
            drainWaiters = []
        }
    }

    /// Keys waiting to be processed.
    public var count: Int { queue.count }

    /// Whether the queue is shutting down.
    public var isShuttingDown: Bool { shuttingDown }

    /// Stops the queue: adds are ignored, waiting workers get nil, queued keys are dropped.
    public func shutDown() {
        shuttingDown = true
        queue.removeAll()
        dirty.removeAll()
        delayed.removeAll()
        schedule = Heap()
        timer?.cancel()
        timer = nil
        while let waiter = waiters.popFirst() { waiter.resume(returning: nil) }
    }

    /// Stops the queue like ``shutDown()``, then waits until every key being processed is done.
    public func shutDownWithDrain() async {
        shutDown()
        guard !processing.isEmpty else { return }
        await withCheckedContinuation { drainWaiters.append($0) }
    }

    /// Moves due delayed keys into the queue and re-arms the timer for the next one.
    private func fireDue() {
        timerDeadline = nil
        let now = ContinuousClock.now
        while let first = schedule.min, first.when <= now {
            schedule.removeMin()
            guard delayed[first.key] == first.when else { continue }
            delayed[first.key] = nil
            add(first.key)
        }
        armTimer()
    }

    private func armTimer() {
        while let first = schedule.min, delayed[first.key] != first.when { schedule.removeMin() }
        guard let earliest = schedule.min?.when else { return }
        if let timerDeadline, timerDeadline <= earliest { return }
        timer?.cancel()
        timerDeadline = earliest
        // One timer for all delayed keys, owned by the queue and cancelled when it shuts down.
        timer = Task { [weak self] in
            try? await Task.sleep(until: earliest)
            guard !Task.isCancelled else { return }
            await self?.fireDue()
        }
    }

    /// A delayed key in the schedule, ordered by time, then by when it was scheduled.
    private struct Scheduled: Comparable {
        var when: ContinuousClock.Instant
        var sequence: Int
        var key: Key

        static func < (lhs: Scheduled, rhs: Scheduled) -> Bool { (lhs.when, lhs.sequence) < (rhs.when, rhs.sequence) }
        static func == (lhs: Scheduled, rhs: Scheduled) -> Bool { lhs.sequence == rhs.sequence }
    }
}
