/// How a destination cluster's connection stands, for metrics and the API.
public struct ClusterState: Sendable, Equatable {
    /// The API server URL.
    public var server: String
    /// The cluster name.
    public var name: String
    /// Whether the last contact worked and the cache is filled.
    public var connected: Bool
    /// The server's Kubernetes version, once known.
    public var version: String
    /// Why it is not connected, if it is not.
    public var message: String
}
