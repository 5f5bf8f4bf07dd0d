/// How to authenticate to a Git remote, as an Argo CD repository Secret describes it.
public struct GitCredentials: Sendable, Equatable {
    /// HTTPS user name (`username`).
    public var username: String?
    /// HTTPS password or token (`password`).
    public var password: String?
    /// An SSH private key in PEM/OpenSSH form (`sshPrivateKey`).
    public var sshPrivateKey: String?
    /// Skip host key checking (`insecure`); otherwise the remote must be in ``knownHosts``.
    public var insecure: Bool
    /// `known_hosts` lines trusted for SSH remotes (Argo CD's `argocd-ssh-known-hosts-cm`).
    public var knownHosts: String?
    /// An HTTP(S) proxy for the remote (`proxy`).
    public var proxy: String?
    /// Hosts reached without the proxy (`noProxy`).
    public var noProxy: String?

    /// Credentials; none given means anonymous access.
    public init(
        username: String? = nil, password: String? = nil, sshPrivateKey: String? = nil, insecure: Bool = false, knownHosts: String? = nil,
        proxy: String? = nil, noProxy: String? = nil
    ) {
        self.proxy = proxy
        self.noProxy = noProxy
        self.username = username
        self.password = password
        self.sshPrivateKey = sshPrivateKey
        self.insecure = insecure
        self.knownHosts = knownHosts
    }

    /// No credentials.
    public static let anonymous = GitCredentials()
}
