public import KubeModel

/// One entry of `dependencies` in Chart.yaml (or requirements.yaml for apiVersion v1 charts).
public struct ChartDependency: Sendable {
    /// The dependency's chart name.
    public let name: String
    /// The version constraint.
    public let version: String
    /// Where it comes from (`https://...`, `oci://...`, `file://...`, `@alias`).
    public let repository: String
    /// Comma-separated value paths that enable or disable it.
    public let condition: String
    /// Tags that enable or disable it through `.Values.tags`.
    public let tags: [String]
    /// The name the subchart takes in the parent, instead of `name`.
    public let alias: String
    /// Values imported from the subchart into the parent.
    public let importValues: [JSONValue]

    init(_ value: JSONValue) {
        let object = value.objectValue ?? [:]
        name = object["name"]?.stringValue ?? ""
        version = object["version"]?.stringValue ?? ""
        repository = object["repository"]?.stringValue ?? ""
        condition = object["condition"]?.stringValue ?? ""
        tags = object["tags"]?.arrayValue?.compactMap(\.stringValue) ?? []
        alias = object["alias"]?.stringValue ?? ""
        importValues = object["import-values"]?.arrayValue ?? []
    }

    /// The name the subchart is known by in the parent: the alias when there is one.
    public var effectiveName: String { alias.isEmpty ? name : alias }

    /// The dependency as templates see it in `.Chart.Dependencies` once enabled: Helm's field names,
    /// the alias as its name.
    var templateValue: JSONValue {
        .object([
            "Name": .string(effectiveName), "Version": .string(version), "Repository": .string(repository),
            "Condition": .string(condition), "Tags": .array(tags.map(JSONValue.string)), "Enabled": .bool(true),
            "ImportValues": .array(importValues), "Alias": .string(alias),
        ])
    }
}
