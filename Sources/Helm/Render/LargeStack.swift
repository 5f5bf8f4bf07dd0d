import Foundation
import Synchronization

/// Runs work synchronously on a thread with a large stack, reusing idle threads.
enum LargeStack {
    /// The stack size for rendering threads: room for the template depth limit in debug builds.
    static let stackSize = 512 * 1024 * 1024
    /// Idle threads kept for reuse; more run while more renders run at once, and end afterwards.
    static let maxIdleThreads = max(2, ProcessInfo.processInfo.activeProcessorCount)

    private static let idle = Mutex<[RenderThread]>([])

    static func run<Value: Sendable>(_ work: @escaping @Sendable () -> Value) -> Value {
        // Already on a rendering thread (a render inside a render): its stack is large enough.
        if Thread.current.threadDictionary[RenderThread.marker] != nil { return work() }
        let thread = idle.withLock { $0.popLast() } ?? RenderThread(stackSize: stackSize)
        let result = Mutex<Value?>(nil)
        let done = DispatchSemaphore(value: 0)
        thread.perform {
            let value = work()
            result.withLock { $0 = value }
            done.signal()
        }
        // Small renders finish sooner than a sleeping thread wakes up: look for the result a while first.
        var spin = 0
        while spin < RenderThread.spins && result.withLock({ $0 == nil }) { spin += 1 }
        if result.withLock({ $0 == nil }) { done.wait() }
        let kept = idle.withLock { threads -> Bool in
            guard threads.count < maxIdleThreads else { return false }
            threads.append(thread)
            return true
        }
        if !kept { thread.stop() }
        return result.withLock { $0! }
    }
}
