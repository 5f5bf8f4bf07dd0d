public import KubeModel

/// The embedded cluster's state: every object, the global resource-version counter, a window of recent
/// changes for watch resumption, and the live watchers.
///
/// An actor so that each write, its resource version, its persistence and its fan-out to watchers
/// happen as one step: a watcher that starts from a list's resource version sees every later change,
/// in order, exactly once.
public actor ObjectStore {
    private var objects = ObjectTable()
    private var currentVersion: Int64
    private let persistence: (any StorePersistence)?
    private var history: WatchHistory
    /// Each resource's keys in order, dropped when the resource gains or loses an object.
    private var sortedKeyCache: [String: [ObjectKey]] = [:]
    private var watchers: [String: [Int: Watcher]] = [:]
    /// Set once the cluster shuts down: watches opened after that end at once, so that a client that
    /// re-watches immediately cannot keep the draining server waiting.
    private var watchesClosed = false
    private var nextWatcherID = 0
    private var ownerIndex = OwnerIndex()

    private struct Watcher {
        var filter: WatchFilter
        var continuation: AsyncStream<WatchEvent>.Continuation
        /// Whether the client asked for BOOKMARK events (`allowWatchBookmarks`).
        var bookmarks: Bool
    }

    /// Opens a store, loading what `persistence` holds; with nil the store lives in memory only.
    /// - Parameters:
    ///   - persistence: Durable storage, or nil for an in-memory cluster.
    ///   - historyLimit: How many recent changes a watch may resume from before it gets 410 Expired.
    public init(persistence: (any StorePersistence)?, historyLimit: Int = 100_000) throws {
        self.persistence = persistence
        self.history = WatchHistory(capacity: historyLimit)
        if let persistence {
            let loaded = try persistence.load()
            for (key, object) in loaded.objects {
                objects[key] = object
                ownerIndex.update(key, object: object.object())
            }
            currentVersion = loaded.resourceVersion
        } else {
            currentVersion = 0
        }
        history.startAfter(currentVersion)
    }

    /// The latest resource version handed out.
    public var resourceVersion: Int64 { currentVersion }

    /// Whether changes after `version` have left the remembered history, so that neither a watch nor a
    /// paginated list can resume from it (410 Expired), as after an etcd compaction.
    public func hasCompacted(_ version: Int64) -> Bool {
        version < history.oldestAvailable
    }

    /// One object.
    public func get(_ key: ObjectKey) -> StoredObject? {
        objects[key]
    }

    /// The objects of one resource that pass `filter`, sorted by namespace and name, with the store's
    /// resource version at the time of the list.
    public func list(_ filter: WatchFilter) -> (items: [(ObjectKey, StoredObject)], resourceVersion: Int64) {
        let page = list(filter, after: nil, limit: nil)
        return (page.items, page.resourceVersion)
    }

    /// One page of the matching objects in key order: those after `after`, at most `limit` of them.
    ///
    /// A page costs a binary search plus the objects it reads, not a sort of the whole resource:
    /// the key order of each resource is kept until an object of it is created or deleted, so an
    /// informer paging through 100,000 objects does not sort them 200 times.
    /// - Returns: The page, the store's version, and whether more matching objects follow.
    public func list(_ filter: WatchFilter, after: ObjectKey?, limit: Int?) -> (
        items: [(ObjectKey, StoredObject)], resourceVersion: Int64, hasMore: Bool
    ) {
        let namespace = filter.namespace.flatMap { $0.isEmpty ? nil : $0 }
        let keys: [ObjectKey]
        var index = 0
        if let storage = filter.storage {
            keys = sortedKeys(of: storage)
            index = Self.lowerBound(of: ObjectKey(storage: storage, namespace: namespace ?? "", name: ""), in: keys)
        } else {
            // Every resource at once (namespace cleanup, garbage collection): rare enough to sort afresh.
            keys = objects.objects(storage: nil, namespace: namespace).map(\.0).sorted()
        }
        if let after {
            var position = Self.lowerBound(of: after, in: keys)
            if position < keys.count, keys[position] == after { position += 1 }
            index = Swift.max(index, position)
        }
        var items: [(ObjectKey, StoredObject)] = []
        if let limit { items.reserveCapacity(Swift.min(limit, keys.count - index)) }
        while index < keys.count {
            let key = keys[index]
            index += 1
            if let storage = filter.storage, key.storage != storage || (namespace != nil && key.namespace != namespace) { break }
            guard let object = objects[key], filter.matches(key, object) else { continue }
            if let limit, items.count == limit { return (items, currentVersion, true) }
            items.append((key, object))
        }
        return (items, currentVersion, false)
    }

    /// The keys of one resource in order, from the cache or sorted afresh.
    private func sortedKeys(of storage: String) -> [ObjectKey] {
        if let cached = sortedKeyCache[storage] { return cached }
        let keys = objects.objects(storage: storage, namespace: nil).map(\.0).sorted()
        sortedKeyCache[storage] = keys
        return keys
    }

    private static func lowerBound(of key: ObjectKey, in keys: [ObjectKey]) -> Int {
        var low = 0
        var high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The keys of the objects whose `ownerReferences` name `uid`.
    public func dependents(of uid: String) -> [ObjectKey] {
        Array(ownerIndex.dependents[uid] ?? [])
    }

    /// The key of the object with `uid`, if it exists.
    public func key(forUID uid: String) -> ObjectKey? {
        ownerIndex.keyByUID[uid]
    }

    /// The storage keys that hold objects in `namespace`.
    public func storages(holdingObjectsIn namespace: String) -> [String] {
        objects.storages(holdingObjectsIn: namespace)
    }

    /// How many objects of a resource exist in a namespace (or in all, with nil).
    public func count(storage: String, namespace: String?) -> Int {
        objects.count(storage: storage, namespace: namespace)
    }

    /// Writes an object, creating or replacing it, and returns the stored form.
    ///
    /// `build` receives the resource version this write will carry and returns the object to store;
    /// `precondition` sees the current state first and may throw to refuse the write. Nothing is stored
    /// or published if either throws.
    public func write(
        _ key: ObjectKey, dryRun: Bool = false,
        _ build: @Sendable (_ current: StoredObject?, _ resourceVersion: Int64) throws(APIError) -> JSONValue
    ) throws(APIError) -> StoredObject {
        let current = objects[key]
        let version = currentVersion + 1
        var object = try build(current, version)
        if let current, Self.isUnchanged(object, from: current) {
            // As kube-apiserver does: a write that changes nothing keeps the version and sends no event,
            // so that controllers re-applying the same state do not wake every watcher.
            return current
        }
        if dryRun {
            // Nothing is written, so the object keeps the version it has (none, for a dry-run create).
            object[path: ["metadata", "resourceVersion"]] = current.map { .string(String($0.resourceVersion)) }
            return StoredObject(object: object, resourceVersion: current?.resourceVersion ?? 0)
        }
        object[path: ["metadata", "resourceVersion"]] = .string(String(version))
        let stored = StoredObject(object: object, resourceVersion: version)
        do {
            try persistence?.save(key, stored)
        } catch {
            throw APIError.internalError("storing \(key): \(error)")
        }
        currentVersion = version
        if current == nil { sortedKeyCache[key.storage] = nil }
        objects[key] = stored
        ownerIndex.update(key, object: object)
        publish(WatchEvent(type: current == nil ? .added : .modified, key: key, object: stored))
        return stored
    }

    /// Whether `object` equals the stored state but for its resource version and the times in its
    /// managed fields (which every write refreshes and kube-apiserver ignores when deciding this).
    private static func isUnchanged(_ object: JSONValue, from current: StoredObject) -> Bool {
        var candidate = object
        let stored = current.object()
        candidate[path: ["metadata", "resourceVersion"]] = stored[path: ["metadata", "resourceVersion"]]
        if var entries = candidate[path: ["metadata", "managedFields"]]?.arrayValue,
            let storedEntries = stored[path: ["metadata", "managedFields"]]?.arrayValue, entries.count == storedEntries.count
        {
            for index in entries.indices { entries[index]["time"] = storedEntries[index]["time"] }
            candidate[path: ["metadata", "managedFields"]] = .array(entries)
        }
        return candidate == stored
    }

    /// Removes an object and returns its last state (with the deletion's resource version).
    public func delete(_ key: ObjectKey, dryRun: Bool = false, precondition: @Sendable (StoredObject) throws(APIError) -> Void = { _ throws(APIError) in })
        throws(APIError) -> StoredObject?
    {
        guard let current = objects[key] else { return nil }
        try precondition(current)
        let version = currentVersion + 1
        var last = current.object()
        last[path: ["metadata", "resourceVersion"]] = .string(String(version))
        let final = StoredObject(object: last, resourceVersion: version)
        if dryRun { return final }
        do {
            try persistence?.delete(key, resourceVersion: version)
        } catch {
            throw APIError.internalError("deleting \(key): \(error)")
        }
        currentVersion = version
        sortedKeyCache[key.storage] = nil
        objects[key] = nil
        ownerIndex.remove(key, object: last)
        publish(WatchEvent(type: .deleted, key: key, object: final))
        return final
    }

    /// Starts a watch. With `resourceVersion` nil or 0, the current matching objects arrive first as
    /// ADDED events; otherwise every change after that version is replayed first.
    /// - Parameter bookmarks: Whether the watch also receives the BOOKMARK events ``sendBookmarks()``
    ///   sends.
    /// - Throws: ``APIError/expired(_:)`` when the version is older than the remembered history.
    public func watch(
        _ filter: WatchFilter, from resourceVersion: Int64?, bookmarks: Bool = false, bufferLimit: Int = 10_000
    ) throws(APIError) -> AsyncStream<WatchEvent> {
        // A watcher that falls this far behind is ended rather than silently skipped: it re-watches from
        // the last version it saw and loses nothing, as clients do after a server closes a watch.
        let (stream, continuation) = AsyncStream<WatchEvent>.makeStream(bufferingPolicy: .bufferingOldest(bufferLimit))
        if let resourceVersion, resourceVersion > 0 {
            guard let replay = history.events(after: resourceVersion) else {
                throw APIError.expired("too old resource version: \(resourceVersion) (\(history.oldestAvailable))")
            }
            for event in replay where filter.matches(event.key, event.object) { continuation.yield(event) }
        } else {
            for (key, object) in list(filter).items { continuation.yield(WatchEvent(type: .added, key: key, object: object)) }
        }
        if watchesClosed {
            continuation.finish()
            return stream
        }
        let id = nextWatcherID
        nextWatcherID += 1
        let bucket = filter.storage ?? Self.everyResource
        watchers[bucket, default: [:]][id] = Watcher(filter: filter, continuation: continuation, bookmarks: bookmarks)
        continuation.onTermination = { [weak self] _ in
            Task { await self?.removeWatcher(storage: bucket, id: id) }
        }
        return stream
    }

    /// Sends a BOOKMARK carrying the current resource version to every watch that asked for bookmarks:
    /// every change up to that version has already been sent to it, so a client that re-watches from
    /// the bookmark misses nothing and need not replay what it has seen.
    public func sendBookmarks() {
        let bookmark = WatchEvent(
            type: .bookmark, key: ObjectKey(storage: "", namespace: "", name: ""),
            object: StoredObject(object: ["metadata": ["resourceVersion": .string(String(currentVersion))]], resourceVersion: currentVersion))
        for bucket in watchers.values {
            for watcher in bucket.values where watcher.bookmarks {
                if case .dropped = watcher.continuation.yield(bookmark) { watcher.continuation.finish() }
            }
        }
    }

    /// Ends every watch, and every watch opened from now on, so that a shutting-down server is not held
    /// open by watch connections (clients re-watch at once when a watch ends).
    public func finishAllWatches() {
        watchesClosed = true
        for bucket in watchers.values {
            for watcher in bucket.values { watcher.continuation.finish() }
        }
        watchers = [:]
    }

    private func removeWatcher(storage: String, id: Int) {
        watchers[storage]?[id] = nil
    }

    /// The watcher bucket of in-process watchers that want every resource.
    private static let everyResource = "*"

    private func publish(_ event: WatchEvent) {
        history.append(event)
        for bucket in [event.key.storage, Self.everyResource] {
            for watcher in (watchers[bucket] ?? [:]).values where watcher.filter.matches(event.key, event.object) {
                if case .dropped = watcher.continuation.yield(event) { watcher.continuation.finish() }
            }
        }
    }
}
