public import KubeModel

/// `spec.source.directory`: which files of a plain directory become objects, and jsonnet settings.
public struct DirectorySourceOptions: Sendable {
    /// A jsonnet external variable or top-level argument.
    public struct JsonnetVariable: Sendable {
        /// The variable's name.
        public var name: String
        /// Its value: a string, or jsonnet code when `code`.
        public var value: String
        /// Whether `value` is jsonnet code.
        public var code: Bool
    }

    /// Whether subdirectories are read too.
    public var recurse: Bool
    /// A glob (with `{a,b}` alternatives) over paths relative to the source path; only matches are read.
    public var include: String
    /// A glob of paths left out; wins over `include`.
    public var exclude: String
    /// `jsonnet.extVars`.
    public var externalVariables: [JsonnetVariable]
    /// `jsonnet.tlas`.
    public var topLevelArguments: [JsonnetVariable]
    /// `jsonnet.libs`: library directories, relative to the repository root.
    public var libraries: [String]

    /// No options: the top directory, every manifest file.
    public init() {
        recurse = false
        include = ""
        exclude = ""
        externalVariables = []
        topLevelArguments = []
        libraries = []
    }

    init(_ value: JSONValue, field: String) throws(SourceError) {
        let reader = FieldReader(value: value, field: field)
        recurse = try reader.bool("recurse")
        include = try reader.string("include") ?? ""
        exclude = try reader.string("exclude") ?? ""
        let jsonnet = FieldReader(value: value["jsonnet"] ?? .emptyObject, field: "\(field).jsonnet")
        func variables(_ key: String) throws(SourceError) -> [JsonnetVariable] {
            var result: [JsonnetVariable] = []
            for entry in try jsonnet.objects(key) {
                guard let name = try entry.string("name"), !name.isEmpty else { throw SourceError("\(entry.field).name is required") }
                result.append(JsonnetVariable(name: name, value: try entry.string("value") ?? "", code: try entry.bool("code")))
            }
            return result
        }
        externalVariables = try variables("extVars")
        topLevelArguments = try variables("tlas")
        libraries = try jsonnet.strings("libs")
    }
}
