public import KubeModel

/// `spec.source.kustomize`: overrides applied to the kustomization before it is built.
public struct KustomizeSourceOptions: Sendable {
    /// A replica count override for one workload.
    public struct Replica: Sendable {
        /// The workload's name.
        public var name: String
        /// The count (a number, or a string holding one).
        public var count: Int
    }

    /// `images` overrides: `name=newName:tag`, `name:tag` or `name@digest`.
    public var images: [String]
    /// A prefix for every name.
    public var namePrefix: String
    /// A suffix for every name.
    public var nameSuffix: String
    /// Labels added to every object (and selector, unless `labelWithoutSelector`).
    public var commonLabels: [(key: String, value: String)]
    /// Annotations added to every object.
    public var commonAnnotations: [(key: String, value: String)]
    /// Whether `commonLabels` replace labels the kustomization already sets.
    public var forceCommonLabels: Bool
    /// Whether `commonAnnotations` replace annotations the kustomization already sets.
    public var forceCommonAnnotations: Bool
    /// Whether `commonLabels` leave selectors alone.
    public var labelWithoutSelector: Bool
    /// The namespace for every namespaced object.
    public var namespace: String
    /// Replica count overrides.
    public var replicas: [Replica]
    /// Patches appended to the kustomization's `patches`, as written.
    public var patches: [JSONValue]
    /// Components appended to the kustomization's `components`.
    public var components: [String]
    /// Components that do not exist are skipped instead of failing.
    public var ignoreMissingComponents: Bool

    /// Whether any override is set, so that the kustomization must be edited before the build.
    public var hasOverrides: Bool {
        !images.isEmpty || !namePrefix.isEmpty || !nameSuffix.isEmpty || !commonLabels.isEmpty || !commonAnnotations.isEmpty
            || !namespace.isEmpty || !replicas.isEmpty || !patches.isEmpty || !components.isEmpty
    }

    init(_ value: JSONValue, field: String) throws(SourceError) {
        let reader = FieldReader(value: value, field: field)
        images = try reader.strings("images")
        namePrefix = try reader.string("namePrefix") ?? ""
        nameSuffix = try reader.string("nameSuffix") ?? ""
        commonLabels = try reader.stringMap("commonLabels")
        commonAnnotations = try reader.stringMap("commonAnnotations")
        forceCommonLabels = try reader.bool("forceCommonLabels")
        forceCommonAnnotations = try reader.bool("forceCommonAnnotations")
        labelWithoutSelector = try reader.bool("labelWithoutSelector")
        namespace = try reader.string("namespace") ?? ""
        replicas = []
        for entry in try reader.objects("replicas") {
            guard let name = try entry.string("name"), !name.isEmpty else { throw SourceError("\(entry.field).name is required") }
            let count = entry.value["count"]
            guard let number = count?.int64Value.map(Int.init) ?? count?.stringValue.flatMap({ Int($0) }), number >= 0 else {
                throw SourceError("\(entry.field).count must be a whole number of replicas")
            }
            replicas.append(Replica(name: name, count: number))
        }
        patches = value["patches"]?.arrayValue ?? []
        components = try reader.strings("components")
        ignoreMissingComponents = try reader.bool("ignoreMissingComponents")
    }
}
