import KubeModel
import Synchronization

/// Each object's JSON, kept while its resourceVersion stays the same, so that list and get answers
/// are assembled from bytes instead of re-encoding every object for every caller (a dashboard
/// listing thousands of applications every few seconds would otherwise spend the server's CPU on it).
final class SerializedObjects: Sendable {
    private let entries = Mutex<[String: (version: String, bytes: [UInt8])]>([:])

    /// The JSON of `object`, encoded once per version.
    func bytes(of object: KubeObject) -> [UInt8] {
        let name = object.name
        let version = object.resourceVersion ?? ""
        if let entry = entries.withLock({ $0[name] }), entry.version == version, !version.isEmpty { return entry.bytes }
        let bytes = Array(JSONWriter.string(object.content).utf8)
        entries.withLock { $0[name] = (version, bytes) }
        return bytes
    }

    /// Forgets objects not in `names` (deleted ones), once the table has grown well past them.
    func keepOnly(_ names: Set<String>) {
        entries.withLock { entries in
            guard entries.count > names.count * 2 + 64 else { return }
            entries = entries.filter { names.contains($0.key) }
        }
    }
}
