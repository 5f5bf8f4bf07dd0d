import Foundation
import GoTemplate
import Synchronization

/// Runs work synchronously on a thread with a large stack, reusing idle threads, and tells how much
/// stack the current thread offers.
enum LargeStack {
    /// The stack size for rendering threads: room for the template depth limit in debug builds.
    static let stackSize = 512 * 1024 * 1024
    /// The stack left below a ``StackBoundary`` for the recursion templates do not check (functions,
    /// printing and encoding values); also the room a caller's thread must have beyond that for
    /// rendering to start there.
    static let reserve = 1024 * 1024
    private static let boundaryKey = "wharf.stack-boundary"
    /// Idle threads kept for reuse; more run while more renders run at once, and end afterwards.
    static let maxIdleThreads = max(2, ProcessInfo.processInfo.activeProcessorCount)

    private static let idle = Mutex<[RenderThread]>([])

    /// The current thread's stack boundary, looked up once per thread (for the main thread, glibc reads
    /// the stack's extent from /proc).
    static func boundary() -> StackBoundary? {
        let dictionary = Thread.current.threadDictionary
        if let known = dictionary[boundaryKey] as? StackBoundary { return known }
        let boundary = StackBoundary.currentThread(reserve: reserve)
        dictionary[boundaryKey] = boundary
        return boundary
    }

    /// The current thread's stack boundary when the thread has room to start rendering; nil when it
    /// should leave the work to a thread with a large stack.
    static func callerBoundary() -> StackBoundary? {
        guard let boundary = boundary(), boundary.remaining >= reserve else { return nil }
        return boundary
    }

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
