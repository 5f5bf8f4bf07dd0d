/// Bounds on what one generation may read, so that a mistaken or hostile repository costs one
/// application an error and never the repo server its memory.
public struct GenerationLimits: Sendable {
    /// The most bytes of manifest files one directory application may read (upstream's
    /// `--max-combined-directory-manifests-size`, 10M by default).
    public var maxDirectoryManifestBytes: Int
    /// The largest single file read as a manifest, value file or `--set-file` parameter.
    public var maxFileBytes: Int

    /// Limits with upstream's defaults.
    public init(maxDirectoryManifestBytes: Int = 10 << 20, maxFileBytes: Int = 10 << 20) {
        self.maxDirectoryManifestBytes = maxDirectoryManifestBytes
        self.maxFileBytes = maxFileBytes
    }
}
