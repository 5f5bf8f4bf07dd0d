public import KubeModel

/// An entry of an AppProject's resource white- or blacklist: `group` and `kind` globs (`""` is the
/// core group).
public struct GroupKindPattern: Sendable, Hashable {
    /// The API group pattern.
    public var group: String
    /// The kind pattern.
    public var kind: String

    /// An entry from its parts.
    public init(group: String, kind: String) {
        self.group = group
        self.kind = kind
    }

    /// An entry read from `{group, kind}`.
    public init(_ json: JSONValue) {
        self.init(group: json["group"]?.stringValue ?? "", kind: json["kind"]?.stringValue ?? "")
    }

    /// Whether the kind `kind` of `group` is covered by this entry.
    public func matches(group: String, kind: String) -> Bool {
        Glob.projectPatternMatches(self.kind, kind) && Glob.projectPatternMatches(self.group, group)
    }
}
