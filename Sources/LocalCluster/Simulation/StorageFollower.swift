import KubeModel

/// Follows every change to one resource for as long as the task runs, the way a client-go reflector
/// does: list, then watch from the list's resource version; when the store ends the watch (a watcher
/// that fell behind is finished), watch again from the last version seen; when that version has left
/// the store's history (410 Expired), list again.
struct StorageFollower {
    let store: ObjectStore
    let storage: String

    /// Calls `handle` for each current object (as ADDED) and then for each change; calls `relisted`
    /// before a list that follows an expired watch, since deletions in the gap were not seen.
    /// - Parameter version: Where a caller that has already listed the resource starts watching; nil
    ///   lists first.
    func follow(from version: Int64? = nil, _ handle: (WatchEvent) async -> Void, relisted: () async -> Void) async {
        let filter = WatchFilter(storage: storage)
        var from = version
        while !Task.isCancelled {
            if from == nil {
                // Listing rather than watching from zero: a watch's initial events are limited by its
                // buffer, a list is not.
                let (items, version) = await store.list(filter)
                for (key, object) in items { await handle(WatchEvent(type: .added, key: key, object: object)) }
                from = version
            }
            let events: AsyncStream<WatchEvent>
            do {
                events = try await store.watch(filter, from: from)
            } catch {
                from = nil
                await relisted()
                continue
            }
            for await event in events {
                from = event.object.resourceVersion
                await handle(event)
            }
        }
    }
}
