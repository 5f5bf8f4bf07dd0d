public import GoTemplate
public import KubeModel

/// A loaded chart: metadata, default values, templates, other files and its bundled subcharts.
public struct Chart: Sendable {
    /// Chart.yaml.
    public private(set) var metadata: ChartMetadata
    /// values.yaml, as template values (a map; empty when the file is absent).
    public let values: GoValue
    /// values.schema.json, when present.
    public let schema: JSONValue?
    /// The files under `templates/`.
    public let templates: [ChartFile]
    /// Every other file (crds/, files read with `.Files`), without Chart.yaml, values files and charts/.
    public let files: [ChartFile]
    /// The subcharts found under `charts/`.
    public var subcharts: [Chart]
    /// A digest of the content parsing depends on (Chart.yaml files and templates, subcharts' included),
    /// the key of the parsed-template cache.
    public let digest: String

    init(metadata: ChartMetadata, values: GoValue, schema: JSONValue?, templates: [ChartFile], files: [ChartFile], subcharts: [Chart], digest: String) {
        self.metadata = metadata
        self.values = values
        self.schema = schema
        self.templates = templates
        self.files = files
        self.subcharts = subcharts
        self.digest = digest
    }

    /// The chart's name.
    public var name: String { metadata.name }

    /// The chart with another name (a dependency's alias).
    func renamed(_ name: String) -> Chart {
        guard name != metadata.name else { return self }
        var copy = self
        copy.metadata = metadata.renamed(name)
        return copy
    }

    /// The chart with `.Chart.Dependencies` listing only the subcharts it still has (the enabled ones).
    func listingOnlyPresentDependencies() -> Chart {
        let present = Set(subcharts.map(\.name))
        var copy = self
        copy.metadata = metadata.keepingDependencies { present.contains($0.effectiveName) }
        return copy
    }
}
