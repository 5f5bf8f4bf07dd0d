public import KubeModel

/// An entry of an AppProject's `destinationServiceAccounts`: the service account syncs to matching
/// destinations impersonate (when `application.sync.impersonation.enabled` is on).
public struct DestinationServiceAccount: Sendable, Hashable {
    /// Server URL pattern.
    public var server: String
    /// Namespace pattern.
    public var namespace: String
    /// `name` or `namespace:name`; a bare name lives in the destination namespace.
    public var defaultServiceAccount: String

    /// An entry read from `{server, namespace, defaultServiceAccount}`.
    public init(_ json: JSONValue) {
        server = json["server"]?.stringValue ?? ""
        namespace = json["namespace"]?.stringValue ?? ""
        defaultServiceAccount = json["defaultServiceAccount"]?.stringValue ?? ""
    }
}
