/// A counting semaphore for tasks: waiting suspends the task rather than blocking its thread.
public actor AsyncSlots {
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// A semaphore with `count` free slots.
    public init(_ count: Int) { free = count }

    /// Takes a slot, waiting for one to be released if none is free.
    public func acquire() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Gives a slot back (to the longest waiter, if any).
    public func release() {
        if waiting.isEmpty {
            free += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
