public import Foundation

/// Where a running embedded cluster can be reached.
public struct LocalClusterEndpoint: Sendable {
    /// The HTTPS URL of the API server.
    public var url: String
    /// The port it listens on.
    public var port: Int
    /// The kubeconfig that reaches it.
    public var kubeconfigPath: URL
    /// The admin bearer token (also in the kubeconfig).
    public var token: String
    /// The CA certificate clients must trust.
    public var caCertificatePEM: String
}
