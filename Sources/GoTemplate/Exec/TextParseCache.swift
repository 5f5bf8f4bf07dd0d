import Synchronization

/// Templates parsed from text at execution time (Helm's `tpl`), by text and name, for one template
/// set: charts call `tpl` on the same values in every render, and parsing is the costly part. Bounded:
/// when full it starts over.
final class TextParseCache: Sendable {
    private let entries = Mutex<[String: [String: ParsedTemplate]]>([:])
    /// The most texts kept.
    static let capacity = 1024

    func definitions(for key: String) -> [String: ParsedTemplate]? {
        entries.withLock { $0[key] }
    }

    func store(_ definitions: [String: ParsedTemplate], for key: String) {
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll() }
            entries[key] = definitions
        }
    }
}
