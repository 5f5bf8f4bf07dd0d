import KubeModel

/// Runs a ``Reconciler``: one follower per watched resource feeding a shared ``WorkQueue``, and a few
/// workers draining it, until the task is cancelled.
struct ReconcileLoop<Controller: Reconciler> {
    let reconciler: Controller

    func run() async {
        let queue = WorkQueue()
        let store = reconciler.client.store
        await withTaskCancellationHandler {
            await withDiscardingTaskGroup { group in
                for storage in reconciler.watchedStorages {
                    group.addTask {
                        let follower = StorageFollower(store: store, storage: storage)
                        await follower.follow({ event in
                            for key in await reconciler.keys(for: event, object: event.object.object()) { await queue.add(key) }
                        }, relisted: {
                            await requeuePrimaryObjects(queue: queue)
                        })
                    }
                }
                for _ in 0..<max(1, reconciler.workers) {
                    group.addTask {
                        while let key = await queue.next() {
                            let requeueAfter = await reconciler.reconcile(key)
                            await queue.done(key, requeueAfter: requeueAfter)
                        }
                    }
                }
            }
        } onCancel: {
            Task { await queue.shutdown() }
        }
    }

    /// After a gap in a watch, every managed object is looked at again: an event that would have
    /// queued it (a deleted dependent) may have been missed.
    private func requeuePrimaryObjects(queue: WorkQueue) async {
        guard let primary = reconciler.watchedStorages.first else { return }
        for (key, _) in await reconciler.client.store.list(WatchFilter(storage: primary)).items { await queue.add(key) }
    }
}
