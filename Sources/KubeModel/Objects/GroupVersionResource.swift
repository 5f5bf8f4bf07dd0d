/// An API group, version and resource (the plural name in URLs), such as `apps/v1/deployments`.
public struct GroupVersionResource: Sendable, Hashable, CustomStringConvertible {
    /// The API group; empty for the core group.
    public var group: String
    /// The API version.
    public var version: String
    /// The plural resource name.
    public var resource: String

    /// Creates a GVR from its parts.
    public init(group: String, version: String, resource: String) {
        self.group = group
        self.version = version
        self.resource = resource
    }

    /// The `apiVersion` form of the group and version.
    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

    /// The URL path prefix of the collection without namespace: `/api/v1/pods` or `/apis/apps/v1/deployments`.
    public var basePath: String { group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)" }

    public var description: String { "\(apiVersion)/\(resource)" }
}
