import Foundation
import KubeModel

/// What one generation works from: the source, the checkout it lives in, the application it renders
/// for, the other sources it may reference, and the shared tools.
struct GenerationContext: Sendable {
    /// The source being rendered.
    let source: ApplicationSource
    /// The checkout (or local directory) of the source's repository.
    let root: RepositoryRoot
    /// The source path, normalised and relative to the root.
    let path: String
    /// The source path on disk.
    let directory: URL
    /// The application.
    let request: ManifestRequest
    /// Checkouts of the sources that `$name/...` value files refer to, by ref name.
    let references: [String: ReferencedCheckout]
    /// The external tool pool.
    let tools: ToolRunner
    /// Size limits.
    let limits: GenerationLimits
    /// Where generations may create temporary files (on the same file system as checkouts, so that
    /// hard-linked copies work).
    let scratch: URL

    /// The input path of a root-relative path in this source's repository.
    func input(_ relative: String) -> InputPath { InputPath(repository: source.repoURL, path: relative) }

    /// Reads a file within the size limit.
    func read(_ url: URL, shownAs name: String) throws(SourceError) -> Data {
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        if size > limits.maxFileBytes {
            throw SourceError("\(name) is \(size) bytes, over the limit of \(limits.maxFileBytes) bytes for one file")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else { throw SourceError("\(name) cannot be read") }
        return data
    }
}
