/// An API group, version and kind, such as `apps/v1, Kind=Deployment`.
public struct GroupVersionKind: Sendable, Hashable, CustomStringConvertible {
    /// The API group; empty for the core group.
    public var group: String
    /// The API version within the group, such as `v1`.
    public var version: String
    /// The kind, such as `Deployment`.
    public var kind: String

    /// Creates a GVK from its parts.
    public init(group: String, version: String, kind: String) {
        self.group = group
        self.version = version
        self.kind = kind
    }

    /// Creates a GVK from an `apiVersion` (`v1` or `group/version`) and a kind.
    public init(apiVersion: String, kind: String) {
        if let slash = apiVersion.firstIndex(of: "/") {
            self.group = String(apiVersion[..<slash])
            self.version = String(apiVersion[apiVersion.index(after: slash)...])
        } else {
            self.group = ""
            self.version = apiVersion
        }
        self.kind = kind
    }

    /// The `apiVersion` form: `version` for the core group, else `group/version`.
    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

    /// The group and kind without the version.
    public var groupKind: GroupKind { GroupKind(group: group, kind: kind) }

    public var description: String { "\(apiVersion), Kind=\(kind)" }
}
