extension Sequence where Element == KubeObject {
    /// The objects ordered by name. Each name is read once: a comparison reading `metadata.name`
    /// from both objects' JSON trees made sorting 10,000 applications several times slower.
    public func sortedByName() -> [KubeObject] {
        map { ($0.name, $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
