import Foundation
import KubeModel

/// Generated manifests by cache key, in memory up to a size bound (least recently used go first)
/// and on disk, so that a restarted repo server answers from where it stopped. Beside each key, the
/// latest key of every source identity (the source without its commits) is kept, which is where
/// change detection starts from when a new commit arrives.
actor ManifestCache {
    private struct Slot {
        var record: ManifestRecord
        var bytes: Int
        var used: UInt64
    }

    private let database: ManifestDatabase
    private let capacity: Int
    private var slots: [String: Slot] = [:]
    private var latestKeys: [String: String] = [:]
    private var bytes = 0
    private var clock: UInt64 = 0

    /// - Parameters:
    ///   - database: Where records persist.
    ///   - capacity: The most bytes of records kept in memory.
    init(database: ManifestDatabase, capacity: Int) {
        self.database = database
        self.capacity = capacity
    }

    /// The record stored under `key`, from memory or disk.
    func record(_ key: String) -> ManifestRecord? {
        clock += 1
        if var slot = slots[key] {
            slot.used = clock
            slots[key] = slot
            return slot.record
        }
        guard let data = database.record(key), let json = try? JSONParser.parse(bytes: Array(data)), let record = ManifestRecord(json: json)
        else { return nil }
        remember(key, record, bytes: data.count)
        return record
    }

    /// The key last stored for `identity`.
    func latestKey(_ identity: String) -> String? {
        if let key = latestKeys[identity] { return key }
        guard let key = database.latestKey(identity) else { return nil }
        latestKeys[identity] = key
        return key
    }

    /// Stores `record` under `key` and makes it the latest of `identity`.
    func store(_ record: ManifestRecord, key: String, identity: String) {
        let text = JSONWriter.string(record.json)
        remember(key, record, bytes: text.utf8.count)
        latestKeys[identity] = key
        database.store(Data(text.utf8), key: key, identity: identity)
    }

    private func remember(_ key: String, _ record: ManifestRecord, bytes size: Int) {
        clock += 1
        if let old = slots[key] { bytes -= old.bytes }
        slots[key] = Slot(record: record, bytes: size, used: clock)
        bytes += size
        guard bytes > capacity else { return }
        // Evicting a quarter at once keeps the cost of finding the oldest entries amortised.
        let victims = slots.sorted { $0.value.used < $1.value.used }.prefix(max(1, slots.count / 4))
        for (victim, slot) in victims where victim != key {
            slots[victim] = nil
            bytes -= slot.bytes
        }
    }
}
