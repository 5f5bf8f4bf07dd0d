/// The largest commit tree a checkout extracts, so that a hostile or mistaken repository cannot
/// fill the disk of the repo server.
public struct CheckoutLimits: Sendable {
    /// The most files (blobs, links and submodule entries) in one commit.
    public var maxFiles: Int
    /// The most bytes of file content in one commit.
    public var maxBytes: Int

    /// Limits with defaults generous enough for large monorepos.
    public init(maxFiles: Int = 200_000, maxBytes: Int = 4 << 30) {
        self.maxFiles = maxFiles
        self.maxBytes = maxBytes
    }
}
