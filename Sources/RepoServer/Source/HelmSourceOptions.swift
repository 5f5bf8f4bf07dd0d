public import KubeModel

/// `spec.source.helm`: how a chart is rendered.
public struct HelmSourceOptions: Sendable {
    /// One `--set` (or `--set-string` when `forceString`) parameter.
    public struct Parameter: Sendable {
        /// The value path (`image.tag`).
        public var name: String
        /// The value.
        public var value: String
        /// Whether the value stays a string instead of being typed.
        public var forceString: Bool
    }

    /// One `--set-file` parameter: the value is a file's content.
    public struct FileParameter: Sendable {
        /// The value path.
        public var name: String
        /// The file, relative to the source path (inside the repository).
        public var path: String
    }

    /// The release name; the Application's name when empty.
    public var releaseName: String
    /// Value files relative to the source path, or `$ref/path` into another source.
    public var valueFiles: [String]
    /// Value files that do not exist are skipped instead of failing the generation.
    public var ignoreMissingValueFiles: Bool
    /// Values as YAML text, applied after the value files.
    public var values: String
    /// Values as an object; wins over `values` when both are given.
    public var valuesObject: JSONValue?
    /// `--set` parameters, applied after all values.
    public var parameters: [Parameter]
    /// `--set-file` parameters.
    public var fileParameters: [FileParameter]
    /// Leaves out the chart's `crds/` directory.
    public var skipCrds: Bool
    /// The namespace the chart renders for; the destination namespace when empty.
    public var namespace: String
    /// `.Capabilities.KubeVersion`; the destination cluster's when empty.
    public var kubeVersion: String
    /// `.Capabilities.APIVersions`; the destination cluster's when empty.
    public var apiVersions: [String]

    init(_ value: JSONValue, field: String) throws(SourceError) {
        let reader = FieldReader(value: value, field: field)
        releaseName = try reader.string("releaseName") ?? ""
        valueFiles = try reader.strings("valueFiles")
        ignoreMissingValueFiles = try reader.bool("ignoreMissingValueFiles")
        values = try reader.string("values") ?? ""
        valuesObject = value["valuesObject"].flatMap { $0.isNull ? nil : $0 }
        if let object = valuesObject, object.objectValue == nil {
            throw SourceError("\(field).valuesObject must be a map of values, not \(object.typeName)")
        }
        parameters = []
        for entry in try reader.objects("parameters") {
            guard let name = try entry.string("name"), !name.isEmpty else { throw SourceError("\(entry.field).name is required") }
            parameters.append(Parameter(name: name, value: try entry.string("value") ?? "", forceString: try entry.bool("forceString")))
        }
        fileParameters = []
        for entry in try reader.objects("fileParameters") {
            guard let name = try entry.string("name"), !name.isEmpty, let path = try entry.string("path"), !path.isEmpty else {
                throw SourceError("\(entry.field) needs both name and path")
            }
            fileParameters.append(FileParameter(name: name, path: path))
        }
        skipCrds = try reader.bool("skipCrds")
        namespace = try reader.string("namespace") ?? ""
        kubeVersion = try reader.string("kubeVersion") ?? ""
        apiVersions = try reader.strings("apiVersions")
    }
}
