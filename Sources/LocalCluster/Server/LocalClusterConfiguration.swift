public import Foundation

/// How an embedded cluster runs.
public struct LocalClusterConfiguration: Sendable {
    /// How simulated workloads behave.
    public enum Profile: String, Sendable, CaseIterable {
        /// No delays: pods are Ready at once. For tests.
        case fast
        /// Jittered delays like a real cluster's. For demos.
        case realistic
    }

    /// Where state, certificates and the kubeconfig live; nil keeps state in memory and the
    /// certificates in a temporary directory.
    public var dataDirectory: URL?
    /// The address to listen on.
    public var host: String
    /// The port; 0 picks a free one.
    public var port: Int
    /// Where to write the kubeconfig; defaults to `kubeconfig` in the data directory.
    public var kubeconfigPath: URL?
    /// The workload simulation profile.
    public var profile: Profile
    /// The kubeconfig context and cluster name.
    public var contextName: String
    /// Latency and errors injected into clients' requests, for reliability tests; none by default.
    public var faults: FaultInjection

    /// Creates a configuration.
    public init(
        dataDirectory: URL? = nil, host: String = "127.0.0.1", port: Int = 6443, kubeconfigPath: URL? = nil,
        profile: Profile = .fast, contextName: String = "wharf-local", faults: FaultInjection = FaultInjection()
    ) {
        self.dataDirectory = dataDirectory
        self.host = host
        self.port = port
        self.kubeconfigPath = kubeconfigPath
        self.profile = profile
        self.contextName = contextName
        self.faults = faults
    }
}
