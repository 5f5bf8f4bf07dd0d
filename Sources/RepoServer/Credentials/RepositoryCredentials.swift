/// What the repo server uses to reach one repository, from its repository Secret or a matching
/// credential template.
public struct RepositoryCredentials: Sendable {
    /// `git` or `helm`.
    public var type: String
    /// Whether a Helm repository is an OCI registry.
    public var enableOCI: Bool
    /// User name for HTTPS (and Helm repositories).
    public var username: String?
    /// Password or token for HTTPS.
    public var password: String?
    /// Private key for SSH.
    public var sshPrivateKey: String?
    /// Skips host key and TLS verification.
    public var insecure: Bool
    /// An HTTP(S) proxy URL.
    public var proxy: String?
    /// Hosts reached without the proxy.
    public var noProxy: String?

    /// Credentials as a repository Secret's fields give them.
    public init(
        type: String, enableOCI: Bool, username: String? = nil, password: String? = nil, sshPrivateKey: String? = nil, insecure: Bool,
        proxy: String? = nil, noProxy: String? = nil
    ) {
        self.type = type
        self.enableOCI = enableOCI
        self.username = username
        self.password = password
        self.sshPrivateKey = sshPrivateKey
        self.insecure = insecure
        self.proxy = proxy
        self.noProxy = noProxy
    }

    /// No credentials: anonymous access to a Git repository.
    public static let anonymous = RepositoryCredentials(type: "git", enableOCI: false, insecure: false)

    /// The credentials for git, with `knownHosts` for SSH host key checking.
    public func git(knownHosts: String?) -> GitCredentials {
        GitCredentials(
            username: username, password: password, sshPrivateKey: sshPrivateKey, insecure: insecure, knownHosts: knownHosts, proxy: proxy, noProxy: noProxy)
    }
}
