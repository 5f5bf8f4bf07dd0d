public import Foundation

/// How the API server runs.
public struct APIServerConfiguration: Sendable {
    /// The namespace holding Argo CD's objects and settings.
    public var namespace: String
    /// The address to listen on.
    public var host: String
    /// The port to listen on (0 picks a free one).
    public var port: Int
    /// Serve plain HTTP instead of TLS (upstream's `--insecure`).
    public var insecure: Bool
    /// The version `/api/version` reports.
    public var version: String
    /// How long a login session lasts (upstream: 24 hours).
    public var sessionDuration: Duration
    /// The environment upstream's settings variables are read from (`ARGOCD_SESSION_*`).
    public var environment: [String: String]
    /// A bearer token that acts as `admin`, known only to the process that started the server: how
    /// `--core` commands run through an in-process server with the kubeconfig's own rights.
    public var localAdminToken: String?
    /// Where the server's repo server keeps Git mirrors and generated manifests (for diffs,
    /// manifests and repository checks).
    public var repoCacheDirectory: URL

    /// A configuration with upstream's defaults.
    public init(
        namespace: String = "argocd", host: String = "127.0.0.1", port: Int = 8080, insecure: Bool = false, version: String = "dev",
        sessionDuration: Duration = .seconds(24 * 3600), environment: [String: String] = ProcessInfo.processInfo.environment,
        localAdminToken: String? = nil, repoCacheDirectory: URL? = nil
    ) {
        self.repoCacheDirectory = repoCacheDirectory ?? FileManager.default.temporaryDirectory.appendingPathComponent("wharf-api-repo-server")
        self.namespace = namespace
        self.host = host
        self.port = port
        self.insecure = insecure
        self.version = version
        self.sessionDuration = sessionDuration
        self.environment = environment
        self.localAdminToken = localAdminToken
    }
}
