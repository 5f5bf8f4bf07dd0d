import ClusterTestSupport
import Dispatch
import Testing

/// For suites whose tests block their thread — waiting for a child process, polling with sleeps:
/// each test runs on a thread of dispatch's own rather than Swift's cooperative pool. That pool has
/// one thread per core (two on the project's machines); two such tests held it for minutes, and
/// every other suite's async work — the embedded clusters' answers included — waited, until
/// requests timed out. They also start processes of their own (clusters, controllers): two run
/// at a time, as the two threads allowed before; the others wait without holding a thread.
struct MayBlock: SuiteTrait, TestTrait, TestScoping {
    var isRecursive: Bool { true }

    private static let slots = AsyncSlots(2)

    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        await Self.slots.acquire()
        do {
            try await withTaskExecutorPreference(QueueExecutor()) { try await function() }
        } catch {
            await Self.slots.release()
            throw error
        }
        await Self.slots.release()
    }
}

extension Trait where Self == MayBlock {
    /// Tests that may block their thread run off Swift's cooperative pool.
    static var mayBlock: Self { MayBlock() }
}

/// Runs jobs on a concurrent dispatch queue, whose threads come from dispatch's overcommitting pool
/// (it grows when threads block) instead of the cooperative one. Concurrent, because the test's
/// child tasks inherit the preference: a server the test runs in-process must go on answering
/// while the test's own thread waits for a child process that talks to it.
private final class QueueExecutor: TaskExecutor, Sendable {
    private let queue = DispatchQueue(label: "wharf.tests.may-block", attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
