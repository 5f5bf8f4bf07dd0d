public import KubeModel

/// An AppProject's `orphanedResources`: whether resources in an application's namespace that no
/// application tracks are reported, whether with a warning, and which to leave out.
public struct OrphanedResourcesPolicy: Sendable {
    /// Whether an `OrphanedResourceWarning` condition is raised when some are found.
    public var warn: Bool
    /// Resources never reported: `{group, kind, name}` globs (empty means any).
    public var ignore: [(group: String, kind: String, name: String)]

    /// The policy read from `spec.orphanedResources`.
    public init(_ json: JSONValue) {
        warn = json["warn"]?.boolValue ?? false
        ignore = (json["ignore"]?.arrayValue ?? []).map {
            ($0["group"]?.stringValue ?? "", $0["kind"]?.stringValue ?? "", $0["name"]?.stringValue ?? "")
        }
    }

    /// Whether a resource is left out of the report.
    public func ignores(group: String, kind: String, name: String) -> Bool {
        ignore.contains { entry in
            (entry.group.isEmpty || Glob.projectPatternMatches(entry.group, group)) && (entry.kind.isEmpty || Glob.projectPatternMatches(entry.kind, kind))
                && (entry.name.isEmpty || Glob.projectPatternMatches(entry.name, name))
        }
    }
}
