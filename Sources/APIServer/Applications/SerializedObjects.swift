import KubeModel
import Synchronization

/// Each object's JSON, kept while its resourceVersion stays the same, so that list and get answers
/// are assembled from bytes instead of re-encoding every object for every caller (a dashboard
/// listing thousands of applications every few seconds would otherwise spend the server's CPU on it).
final class SerializedObjects: Sendable {
    private struct Entry {
        var version: String
        var bytes: [UInt8]
    }

    /// Per field mask (its key; "" for whole objects), per object name.
    private let entries = Mutex<[String: [String: Entry]]>([:])
    /// Field masks kept at once: a dashboard uses one or two; more would only be random callers.
    private static let maskLimit = 8

    /// The JSON of `object` (only what `mask` selects, when given), encoded once per version.
    func bytes(of object: KubeObject, mask: FieldMask? = nil) -> [UInt8] {
        let name = object.name
        let version = object.resourceVersion ?? ""
        let maskKey = mask?.key ?? ""
        if let entry = entries.withLock({ $0[maskKey]?[name] }), entry.version == version, !version.isEmpty { return entry.bytes }
        let bytes = Array(JSONWriter.string(mask.map { $0.apply(to: object.content) } ?? object.content).utf8)
        entries.withLock { entries in
            if entries[maskKey] == nil && entries.count >= Self.maskLimit { entries = entries.filter { $0.key.isEmpty } }
            entries[maskKey, default: [:]][name] = Entry(version: version, bytes: bytes)
        }
        return bytes
    }

    /// Forgets objects not in `names` (deleted ones), once a table has grown well past them.
    func keepOnly(_ names: Set<String>) {
        entries.withLock { entries in
            for (maskKey, table) in entries where table.count > names.count * 2 + 64 {
                entries[maskKey] = table.filter { names.contains($0.key) }
            }
        }
    }
}
