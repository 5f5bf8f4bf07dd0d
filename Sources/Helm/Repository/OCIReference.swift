/// An OCI chart reference, `oci://host[:port]/path/name` with `:tag` or `@sha256:...`.
public struct OCIReference: Sendable, Equatable {
    /// The registry, `host[:port]`.
    public let registry: String
    /// The repository inside it, `path/name`.
    public let repository: String
    /// The tag, when pulling by tag.
    public let tag: String?
    /// The manifest digest, when pulling by digest.
    public let digest: String?

    /// Parses a reference; `version` is the tag when the reference has neither tag nor digest (Helm's
    /// `--version`).
    public init(_ text: String, version: String? = nil) throws(HelmError) {
        guard text.hasPrefix("oci://") else { throw HelmError("\(text) is not an OCI reference: it must start with oci://") }
        var rest = Substring(text.dropFirst("oci://".count))
        var digest: String?
        if let at = rest.firstIndex(of: "@") {
            digest = String(rest[rest.index(after: at)...])
            rest = rest[..<at]
        }
        guard let slash = rest.firstIndex(of: "/"), slash != rest.startIndex else { throw HelmError("\(text) names no repository after the registry") }
        registry = String(rest[..<slash])
        var path = rest[rest.index(after: slash)...]
        var tag: String?
        // A colon after the last slash separates the tag (a colon before it belongs to a port).
        if let colon = path.lastIndex(of: ":"), !path[colon...].contains("/") {
            tag = String(path[path.index(after: colon)...])
            path = path[..<colon]
        }
        guard !path.isEmpty else { throw HelmError("\(text) names no repository after the registry") }
        repository = String(path)
        if let digest, !(digest.hasPrefix("sha256:") && digest.count == 71) {
            throw HelmError("\(text): \(digest) is not a sha256 digest")
        }
        self.digest = digest
        // Helm turns "+" in semantic versions into "_" in tags, as tags may not contain "+".
        self.tag = digest == nil ? (tag ?? version.map { $0.replacing("+", with: "_") }) : nil
        if self.tag == nil && digest == nil { throw HelmError("\(text): give a tag (:1.2.3), a digest (@sha256:...) or a version") }
    }

    /// The tag or digest the manifest is fetched by.
    var manifestReference: String { digest ?? tag ?? "" }
}
