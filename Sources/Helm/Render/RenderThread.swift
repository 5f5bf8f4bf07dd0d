import Foundation
import Synchronization

/// A thread with a large stack that runs one piece of work at a time and then waits for the next, so
/// that rendering does not pay for creating such a thread (more than rendering a small chart costs).
final class RenderThread: Sendable {
    /// Marks the threads of this kind, so work already on one runs in place.
    static let marker = "wharf.render-thread"
    /// How many times an idle thread looks for new work before sleeping: renders often come back to
    /// back, and waking a sleeping thread takes longer than rendering a small chart.
    static let spins = 2000

    private let wake = DispatchSemaphore(value: 0)
    private let job = Mutex<(@Sendable () -> Void)?>(nil)
    private let stopping = Mutex(false)

    init(stackSize: Int) {
        let thread = Thread { [self] in
            Thread.current.threadDictionary[Self.marker] = true
            while true {
                var work = takeJob()
                var spin = 0
                while work == nil && spin < Self.spins {
                    spin += 1
                    work = takeJob()
                }
                if work == nil {
                    wake.wait()
                    work = takeJob()
                }
                if let work {
                    work()
                } else if stopping.withLock({ $0 }) {
                    return
                }
                // Otherwise the wake-up was for work already taken while spinning.
            }
        }
        thread.stackSize = stackSize
        thread.start()
    }

    private func takeJob() -> (@Sendable () -> Void)? {
        job.withLock { job in
            defer { job = nil }
            return job
        }
    }

    /// Starts `work` on the thread; the thread must be idle.
    func perform(_ work: @escaping @Sendable () -> Void) {
        job.withLock { $0 = work }
        wake.signal()
    }

    /// Ends the thread once it is idle.
    func stop() {
        stopping.withLock { $0 = true }
        wake.signal()
    }
}
