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
    /// A static token file, as kube-apiserver's `--token-auth-file`: CSV lines
    /// `token,user,uid,"group1,group2"`. It is read again when it changes, so removing a line revokes
    /// the token. Nil accepts only the admin token and client certificates.
    public var tokenAuthFile: URL?
    /// How often watches that allow bookmarks (`allowWatchBookmarks=true`) receive a BOOKMARK event.
    public var watchBookmarkInterval: Duration
    /// How many recent changes a watch, or a paginated list, can resume from before it gets 410 Expired.
    public var watchHistoryLimit: Int
    /// Whether to offer HTTP/2 through ALPN beside HTTP/1.1, as kube-apiserver does. Off by default:
    /// with it, an HTTP/2 stream that a client opens while the server shuts down trips a precondition
    /// in SwiftNIO's async writer (NIOAsyncWriter deinit) inside HummingbirdHTTP2 and crashes the
    /// process, which a cluster that reconnecting controllers talk to hits on every stop.
    public var http2: Bool = false

    /// Creates a configuration.
    public init(
        dataDirectory: URL? = nil, host: String = "127.0.0.1", port: Int = 6443, kubeconfigPath: URL? = nil,
        profile: Profile = .fast, contextName: String = "wharf-local", faults: FaultInjection = FaultInjection(),
        tokenAuthFile: URL? = nil, watchBookmarkInterval: Duration = .seconds(60), watchHistoryLimit: Int = 100_000
    ) {
        self.dataDirectory = dataDirectory
        self.host = host
        self.port = port
        self.kubeconfigPath = kubeconfigPath
        self.profile = profile
        self.contextName = contextName
        self.faults = faults
        self.tokenAuthFile = tokenAuthFile
        self.watchBookmarkInterval = watchBookmarkInterval
        self.watchHistoryLimit = watchHistoryLimit
    }
}
