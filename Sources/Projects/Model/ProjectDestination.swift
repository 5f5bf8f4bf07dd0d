public import KubeModel

/// A destination: an AppProject's allowed `destinations` entry (patterns) or an Application's
/// `spec.destination` (values). A cluster is named by `server` URL, by `name`, or both.
public struct ProjectDestination: Sendable, Hashable {
    /// The API server URL (or pattern).
    public var server: String
    /// The cluster name (or pattern).
    public var name: String
    /// The namespace (or pattern).
    public var namespace: String

    /// A destination from its parts.
    public init(server: String = "", name: String = "", namespace: String = "") {
        self.server = server
        self.name = name
        self.namespace = namespace
    }

    /// A destination read from `{server, name, namespace}`.
    public init(_ json: JSONValue) {
        self.init(
            server: json["server"]?.stringValue ?? "", name: json["name"]?.stringValue ?? "", namespace: json["namespace"]?.stringValue ?? "")
    }
}
