import Synchronization

/// Text appended by one task and read by another (a stream's body as it arrives).
final class TextBuffer: Sendable {
    private let storage = Mutex("")

    /// Everything appended so far.
    var text: String { storage.withLock { $0 } }

    func append(_ more: String) { storage.withLock { $0 += more } }
}
