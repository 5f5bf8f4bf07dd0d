/// How to reach a chart repository or registry: credentials and TLS trust, with the names of Helm's
/// flags (`--username`, `--password`, `--ca-file`, `--insecure-skip-tls-verify`).
public struct RepositoryOptions: Sendable {
    /// The user name for basic authentication (and for an OCI registry's token service).
    public var username: String?
    /// The password for basic authentication.
    public var password: String?
    /// PEM certificates of the authorities to trust instead of the system's, for a repository whose
    /// certificate a private CA signed.
    public var caCertificatesPEM: String?
    /// Accept any server certificate (Helm's `--insecure-skip-tls-verify`).
    public var insecureSkipTLSVerify: Bool
    /// How long one request may take, in seconds.
    public var timeoutSeconds: Int64
    /// Talk HTTP instead of HTTPS to an OCI registry (Helm's `--plain-http`, for local registries).
    public var plainHTTP: Bool

    /// Creates options; the defaults are anonymous access trusting the system's authorities.
    public init(username: String? = nil, password: String? = nil, caCertificatesPEM: String? = nil, insecureSkipTLSVerify: Bool = false, timeoutSeconds: Int64 = 60, plainHTTP: Bool = false) {
        self.username = username
        self.password = password
        self.caCertificatesPEM = caCertificatesPEM
        self.insecureSkipTLSVerify = insecureSkipTLSVerify
        self.timeoutSeconds = timeoutSeconds
        self.plainHTTP = plainHTTP
    }
}
