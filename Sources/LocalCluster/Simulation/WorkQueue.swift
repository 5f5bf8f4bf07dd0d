/// The keys a controller still has to reconcile, each at most once in the queue and never reconciled by
/// two workers at a time, as client-go's work queue guarantees.
///
/// A key added while it is being reconciled is reconciled once more afterwards, so no change is missed;
/// a key added many times while waiting is reconciled once, so bursts of events coalesce.
actor WorkQueue {
    private var pending: [ObjectKey] = []
    private var head = 0
    private var queued: Set<ObjectKey> = []
    private var active: Set<ObjectKey> = []
    private var dirty: Set<ObjectKey> = []
    private var waiters: [CheckedContinuation<ObjectKey?, Never>] = []
    private var timers: [ObjectKey: (deadline: ContinuousClock.Instant, task: Task<Void, Never>)] = [:]
    private var closed = false

    /// Queues `key` unless it is already waiting.
    func add(_ key: ObjectKey) {
        guard !closed, !queued.contains(key) else { return }
        if active.contains(key) {
            dirty.insert(key)
            return
        }
        if !waiters.isEmpty {
            active.insert(key)
            waiters.removeFirst().resume(returning: key)
            return
        }
        queued.insert(key)
        pending.append(key)
    }

    /// Queues `key` once `delay` has passed; an earlier pending timer for the key makes this a no-op.
    func add(_ key: ObjectKey, after delay: Duration) {
        guard !closed else { return }
        if delay <= .zero {
            add(key)
            return
        }
        let deadline = ContinuousClock.now + delay
        if let existing = timers[key], existing.deadline <= deadline { return }
        timers[key]?.task.cancel()
        let task = Task { [weak self] in
            try? await Task.sleep(until: deadline, clock: .continuous)
            guard !Task.isCancelled else { return }
            await self?.fire(key, deadline: deadline)
        }
        timers[key] = (deadline, task)
    }

    private func fire(_ key: ObjectKey, deadline: ContinuousClock.Instant) {
        guard timers[key]?.deadline == deadline else { return }
        timers[key] = nil
        add(key)
    }

    /// The next key to reconcile, waiting for one; nil once the queue is shut down.
    func next() async -> ObjectKey? {
        if closed { return nil }
        if head < pending.count {
            let key = pending[head]
            head += 1
            if head > 1024 && head * 2 > pending.count {
                // Reclaim the consumed prefix now and then, so the array does not grow without bound.
                pending.removeFirst(head)
                head = 0
            }
            queued.remove(key)
            active.insert(key)
            return key
        }
        return await withCheckedContinuation { waiters.append($0) }
    }

    /// Marks `key` reconciled; it is queued again if it changed meanwhile, or after `requeueAfter`.
    func done(_ key: ObjectKey, requeueAfter: Duration?) {
        active.remove(key)
        if dirty.remove(key) != nil { add(key) }
        if let requeueAfter { add(key, after: requeueAfter) }
    }

    /// Stops handing out keys: waiting workers get nil and timers are cancelled.
    func shutdown() {
        closed = true
        for waiter in waiters { waiter.resume(returning: nil) }
        waiters = []
        for timer in timers.values { timer.task.cancel() }
        timers = [:]
    }
}
