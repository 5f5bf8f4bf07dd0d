import ClusterTestSupport
import KubeClient
import Testing

/// The work queue's client-go guarantees, observed as a controller's workers would see them.
@Suite struct WorkQueueTests {
    @Test func aKeyAddedManyTimesWhileWaitingIsProcessedOnce() async {
        let queue = WorkQueue<String>()
        for _ in 0..<5 { await queue.add("a") }
        await queue.add("b")
        #expect(await queue.count == 2)
        #expect(await queue.next() == "a")
        #expect(await queue.next() == "b")
        #expect(await queue.count == 0)
    }

    @Test func aKeyIsNeverProcessedTwiceAtOnceAndIsRequeuedIfItChanged() async {
        let queue = WorkQueue<String>()
        await queue.add("app")
        let first = await queue.next()
        #expect(first == "app")
        // Added again while a worker has it: not handed to a second worker...
        await queue.add("app")
        #expect(await queue.count == 0)
        // ...but queued again as soon as the first worker is done.
        await queue.done("app")
        #expect(await queue.count == 1)
        #expect(await queue.next() == "app")
        await queue.done("app")
        #expect(await queue.count == 0)
    }

    @Test func concurrentWorkersNeverShareAKey() async {
        let queue = WorkQueue<Int>()
        let tracker = ActiveKeys()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    while let key = await queue.next() {
                        await tracker.begin(key)
                        try? await Task.sleep(for: .microseconds(200))
                        await tracker.end(key)
                        await queue.done(key)
                    }
                }
            }
            for round in 0..<200 {
                await queue.add(round % 7)
                if round.isMultiple(of: 10) { try? await Task.sleep(for: .milliseconds(1)) }
            }
            while await queue.count > 0 { try? await Task.sleep(for: .milliseconds(1)) }
            await queue.shutDownWithDrain()
        }
        #expect(await tracker.overlaps == 0)
        #expect(await tracker.processed > 0)
    }

    @Test func failingKeysBackOffExponentiallyUntilForgotten() async {
        let queue = WorkQueue<String>(baseDelay: .milliseconds(1), maximumDelay: .seconds(1))
        for _ in 0..<3 {
            await queue.addRateLimited("flaky")
            let key = await queue.next()
            #expect(key == "flaky")
            await queue.done("flaky")
        }
        #expect(await queue.retries(of: "flaky") == 3)
        await queue.forget("flaky")
        #expect(await queue.retries(of: "flaky") == 0)
    }

    @Test func addAfterDeliversLaterAndEarlierRequestsWin() async {
        let queue = WorkQueue<String>()
        await queue.addAfter("late", delay: .seconds(30))
        await queue.addAfter("soon", delay: .milliseconds(20))
        #expect(await queue.count == 0)
        #expect(await queue.next() == "soon")
        // Asking again sooner replaces the later time.
        await queue.addAfter("late", delay: .milliseconds(10))
        #expect(await queue.next() == "late")
    }

    @Test func shutDownWakesWaitingWorkersAndDrainWaitsForWork() async {
        let queue = WorkQueue<String>()
        await queue.add("busy")
        let key = await queue.next()
        #expect(key == "busy")
        async let waiting = queue.next()
        async let drained: Void = queue.shutDownWithDrain()
        try? await Task.sleep(for: .milliseconds(50))
        #expect(await queue.isShuttingDown)
        await queue.done("busy")
        await drained
        #expect(await waiting == nil)
        await queue.add("ignored")
        #expect(await queue.next() == nil)
    }
}

/// Records which keys workers hold, counting any moment two held the same one.
actor ActiveKeys {
    private var active: Set<Int> = []
    private(set) var overlaps = 0
    private(set) var processed = 0

    func begin(_ key: Int) {
        if !active.insert(key).inserted { overlaps += 1 }
        processed += 1
    }

    func end(_ key: Int) {
        active.remove(key)
    }
}
