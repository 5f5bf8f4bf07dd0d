import Foundation
import Synchronization

/// Runs work synchronously on a thread with a large stack.
enum LargeStack {
    /// The stack size for rendering threads: room for the template depth limit in debug builds.
    static let stackSize = 512 * 1024 * 1024

    static func run<Value: Sendable>(_ work: @escaping @Sendable () -> Value) -> Value {
        let result = Mutex<Value?>(nil)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            let value = work()
            result.withLock { $0 = value }
            done.signal()
        }
        thread.stackSize = stackSize
        thread.start()
        done.wait()
        return result.withLock { $0! }
    }
}
