public import KubeModel

/// The desired objects of one source and where they came from.
public struct ManifestResponse: Sendable {
    /// How the request was answered.
    public enum Origin: String, Sendable {
        /// Rendered now.
        case generated
        /// Found in the cache for exactly these commits.
        case cached
        /// Carried over from the previous commit, which changed nothing the source reads.
        case reused
    }

    /// The objects, in the order the tool produced them.
    public var objects: [JSONValue]
    /// How they were produced.
    public var sourceType: SourceType
    /// The commit the source's revision resolved to (for chart sources, the chart version).
    public var revision: String
    /// How the request was answered.
    public var origin: Origin
}
