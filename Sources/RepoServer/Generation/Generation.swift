import KubeModel

/// The result of rendering one source: its objects and every repository path it read.
struct Generation: Sendable {
    /// The desired objects, in the order the tool produced them.
    var objects: [JSONValue]
    /// The paths whose change means the source must be rendered again.
    var inputs: Set<InputPath>
}
