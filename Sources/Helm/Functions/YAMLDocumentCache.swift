import KubeModel
import Synchronization

/// YAML texts `fromYaml` and `fromYamlArray` have parsed, by text: charts convert the same output of
/// an `include` on every render, and parsing is the costly part (the documents are immutable; each
/// call still builds its own template values from them). Bounded by count and by the bytes of text
/// kept: when either is exceeded it starts over.
final class YAMLDocumentCache: Sendable {
    private struct State {
        var documents: [String: JSONValue] = [:]
        var bytes = 0
    }

    private let state = Mutex(State())
    /// The most documents kept.
    static let capacity = 256
    /// The most bytes of text kept; longer texts are parsed every time.
    static let maxBytes = 8 * 1024 * 1024

    /// The process-wide cache the Helm functions use.
    static let shared = YAMLDocumentCache()

    /// The document `text` holds, parsed once while it stays cached.
    func document(_ text: String) throws(DocumentError) -> JSONValue {
        if let known = state.withLock({ $0.documents[text] }) { return known }
        let document = try YAMLReader.read(text)
        let size = text.utf8.count
        guard size <= Self.maxBytes else { return document }
        state.withLock { state in
            if state.documents.count >= Self.capacity || state.bytes + size > Self.maxBytes { state = State() }
            state.documents[text] = document
            state.bytes += size
        }
        return document
    }
}
