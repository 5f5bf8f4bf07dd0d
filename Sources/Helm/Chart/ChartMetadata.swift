import GoTemplate
public import KubeModel

/// Chart.yaml: the fields Helm acts on, and the whole document for `.Chart`.
public struct ChartMetadata: Sendable {
    /// The document as written.
    public let document: JSONValue
    /// `name`.
    public let name: String
    /// `version`.
    public let version: String
    /// `apiVersion` (`v1` or `v2`).
    public let apiVersion: String
    /// `type`: `application` (or empty) or `library`.
    public let type: String
    /// `dependencies` (from requirements.yaml for v1 charts).
    public private(set) var dependencies: [ChartDependency]

    init(document: JSONValue, requirements: JSONValue?) {
        self.document = document
        let object = document.objectValue ?? [:]
        name = object["name"]?.stringValue ?? ""
        version = object["version"].map(ChartMetadata.text) ?? ""
        apiVersion = object["apiVersion"]?.stringValue ?? ""
        type = object["type"]?.stringValue ?? ""
        let listed = object["dependencies"]?.arrayValue ?? requirements?.objectValue?["dependencies"]?.arrayValue ?? []
        dependencies = listed.map(ChartDependency.init)
    }

    /// The same metadata under another name.
    func renamed(_ newName: String) -> ChartMetadata {
        var object = document.objectValue ?? [:]
        object["name"] = .string(newName)
        var copy = ChartMetadata(document: .object(object), requirements: nil)
        copy.dependencies = dependencies
        return copy
    }

    /// The same metadata listing only the given dependencies (those enabled for a render).
    func keepingDependencies(_ isKept: (ChartDependency) -> Bool) -> ChartMetadata {
        var copy = self
        copy.dependencies = dependencies.filter(isKept)
        return copy
    }

    private static func text(_ value: JSONValue) -> String {
        value.stringValue ?? value.numberValue?.literal ?? ""
    }

    /// Whether this is a library chart (its templates only define, never render).
    public var isLibrary: Bool { type == "library" }

    /// The metadata as templates see `.Chart`: Helm's field names, defaults for absent fields.
    func templateValue(isRoot: Bool) -> GoValueBuilder.Map {
        let object = document.objectValue ?? [:]
        func string(_ key: String) -> JSONValue { object[key].map { .string(ChartMetadata.text($0)) } ?? .string("") }
        func list(_ key: String) -> JSONValue { object[key] ?? .array([]) }
        return [
            "Name": .string(name), "Version": string("version"), "APIVersion": string("apiVersion"),
            "AppVersion": string("appVersion"), "Description": string("description"), "Home": string("home"),
            "Icon": string("icon"), "KubeVersion": string("kubeVersion"), "Type": string("type"),
            "Condition": string("condition"), "Tags": string("tags"),
            "Deprecated": object["deprecated"] ?? .bool(false), "IsRoot": .bool(isRoot),
            "Keywords": list("keywords"), "Sources": list("sources"), "Maintainers": list("maintainers"),
            "Dependencies": .array(dependencies.map(\.templateValue)), "Annotations": object["annotations"] ?? .object([:]),
        ]
    }
}
