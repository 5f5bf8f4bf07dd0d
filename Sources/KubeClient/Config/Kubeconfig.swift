public import Foundation
public import KubeModel

/// The content of one or more kubeconfig files, merged as kubectl merges them: the first file that
/// names a cluster, user or context wins it, and the first `current-context` set wins.
///
/// Relative paths in a file (`certificate-authority`, `client-certificate`, `client-key`, `tokenFile`,
/// an exec command with a slash) are resolved against that file's directory as they are read, so a
/// merged config never depends on the working directory.
public struct Kubeconfig: Sendable {
    /// A `clusters[].cluster` entry.
    public struct Cluster: Sendable {
        /// The API server URL.
        public var server: String
        /// PEM bytes of the CA to trust (from `certificate-authority-data` or the file it names).
        public var certificateAuthorityPEM: [UInt8]?
        /// `insecure-skip-tls-verify`.
        public var insecureSkipTLSVerify: Bool = false
        /// `tls-server-name`: the name to verify the server's certificate against instead of the URL's host.
        public var tlsServerName: String?
        /// `proxy-url`.
        public var proxyURL: String?

        /// A cluster at `server`, trusting the system's CAs.
        public init(server: String) {
            self.server = server
        }
    }

    /// An `exec` credential plugin (client.authentication.k8s.io).
    public struct ExecPlugin: Sendable {
        /// The plugin's `apiVersion`, such as `client.authentication.k8s.io/v1`.
        public var apiVersion: String
        /// The command; absolute, relative to the kubeconfig's directory (when it has a slash), or looked up on PATH.
        public var command: String
        /// Its arguments.
        public var arguments: [String] = []
        /// Extra environment variables.
        public var environment: [String: String] = [:]
        /// Whether to pass the cluster's details in `KUBERNETES_EXEC_INFO` (`provideClusterInfo`).
        public var provideClusterInfo: Bool = false
        /// What to tell a user whose plugin is missing (`installHint`).
        public var installHint: String?

        /// A plugin running `command`.
        public init(apiVersion: String = "client.authentication.k8s.io/v1", command: String) {
            self.apiVersion = apiVersion
            self.command = command
        }
    }

    /// A `users[].user` entry; every way of authenticating kubectl supports except the retired auth providers.
    public struct User: Sendable {
        /// `token`.
        public var token: String?
        /// `tokenFile`, re-read as it rotates.
        public var tokenFile: String?
        /// PEM bytes of the client certificate (`client-certificate-data` or the file).
        public var clientCertificatePEM: [UInt8]?
        /// PEM bytes of the client key (`client-key-data` or the file).
        public var clientKeyPEM: [UInt8]?
        /// `username` for basic auth.
        public var username: String?
        /// `password` for basic auth.
        public var password: String?
        /// `exec`.
        public var exec: ExecPlugin?
        /// `as`: the user to impersonate.
        public var impersonate: String?
        /// `as-groups`.
        public var impersonateGroups: [String] = []

        /// A user with no credentials (anonymous); set the fields that apply.
        public init() {}
    }

    /// A `contexts[].context` entry.
    public struct Context: Sendable {
        /// The cluster's name.
        public var cluster: String
        /// The user's name.
        public var user: String
        /// The default namespace; nil means `default`.
        public var namespace: String?
    }

    /// Clusters by name.
    public var clusters: [String: Cluster] = [:]
    /// Users by name.
    public var users: [String: User] = [:]
    /// Contexts by name.
    public var contexts: [String: Context] = [:]
    /// `current-context`.
    public var currentContext: String?

    /// An empty config.
    public init() {}

    /// Reads one kubeconfig document.
    /// - Parameters:
    ///   - text: The YAML (or JSON).
    ///   - source: The file it came from, for errors and to resolve relative paths; nil for text with no file.
    public init(yaml text: String, source: URL? = nil) throws(KubeError) {
        let document: JSONValue
        do {
            document = try YAMLReader.read(text, source: source?.path)
        } catch {
            throw KubeError(.configuration, "cannot read kubeconfig: \(error)")
        }
        let base = source?.deletingLastPathComponent()
        let origin = source?.path ?? "kubeconfig"
        currentContext = document["current-context"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        for entry in document["clusters"]?.arrayValue ?? [] {
            guard let name = entry["name"]?.stringValue, let fields = entry["cluster"] else { continue }
            clusters[name] = try Self.cluster(fields, name: name, base: base, origin: origin)
        }
        for entry in document["users"]?.arrayValue ?? [] {
            guard let name = entry["name"]?.stringValue else { continue }
            users[name] = try Self.user(entry["user"] ?? .emptyObject, name: name, base: base, origin: origin)
        }
        for entry in document["contexts"]?.arrayValue ?? [] {
            guard let name = entry["name"]?.stringValue, let fields = entry["context"] else { continue }
            contexts[name] = Context(
                cluster: fields["cluster"]?.stringValue ?? "", user: fields["user"]?.stringValue ?? "",
                namespace: fields["namespace"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 })
        }
    }

    /// Adds what `other` has and this config lacks (kubectl's merge: earlier files win).
    public mutating func merge(_ other: Kubeconfig) {
        clusters.merge(other.clusters) { mine, _ in mine }
        users.merge(other.users) { mine, _ in mine }
        contexts.merge(other.contexts) { mine, _ in mine }
        if currentContext == nil { currentContext = other.currentContext }
    }

    private static func cluster(_ fields: JSONValue, name: String, base: URL?, origin: String) throws(KubeError) -> Cluster {
        guard let server = fields["server"]?.stringValue, !server.isEmpty else {
            throw KubeError(.configuration, "\(origin): cluster \"\(name)\" has no server; set clusters[].cluster.server to the API server's URL")
        }
        var cluster = Cluster(server: server)
        cluster.certificateAuthorityPEM = try pem(
            data: fields["certificate-authority-data"], file: fields["certificate-authority"], base: base,
            what: "cluster \"\(name)\" certificate-authority", origin: origin)
        cluster.insecureSkipTLSVerify = fields["insecure-skip-tls-verify"]?.boolValue ?? false
        cluster.tlsServerName = fields["tls-server-name"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        cluster.proxyURL = fields["proxy-url"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        return cluster
    }

    private static func user(_ fields: JSONValue, name: String, base: URL?, origin: String) throws(KubeError) -> User {
        var user = User()
        user.token = fields["token"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        user.tokenFile = fields["tokenFile"]?.stringValue.flatMap { $0.isEmpty ? nil : resolve($0, base: base) }
        user.clientCertificatePEM = try pem(
            data: fields["client-certificate-data"], file: fields["client-certificate"], base: base,
            what: "user \"\(name)\" client-certificate", origin: origin)
        user.clientKeyPEM = try pem(
            data: fields["client-key-data"], file: fields["client-key"], base: base, what: "user \"\(name)\" client-key", origin: origin)
        user.username = fields["username"]?.stringValue
        user.password = fields["password"]?.stringValue
        user.impersonate = fields["as"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        user.impersonateGroups = (fields["as-groups"]?.arrayValue ?? []).compactMap(\.stringValue)
        if let exec = fields["exec"], exec.objectValue != nil {
            guard let command = exec["command"]?.stringValue, !command.isEmpty else {
                throw KubeError(.configuration, "\(origin): user \"\(name)\" has an exec plugin without a command; set users[].user.exec.command")
            }
            var plugin = ExecPlugin(
                apiVersion: exec["apiVersion"]?.stringValue ?? "client.authentication.k8s.io/v1",
                command: command.contains("/") ? resolve(command, base: base) : command)
            plugin.arguments = (exec["args"]?.arrayValue ?? []).compactMap(\.stringValue)
            for variable in exec["env"]?.arrayValue ?? [] {
                if let key = variable["name"]?.stringValue { plugin.environment[key] = variable["value"]?.stringValue ?? "" }
            }
            plugin.provideClusterInfo = exec["provideClusterInfo"]?.boolValue ?? false
            plugin.installHint = exec["installHint"]?.stringValue
            user.exec = plugin
        }
        return user
    }

    /// Inline base64 data wins over a file, as in kubectl.
    private static func pem(data: JSONValue?, file: JSONValue?, base: URL?, what: String, origin: String) throws(KubeError) -> [UInt8]? {
        if let encoded = data?.stringValue, !encoded.isEmpty {
            guard let decoded = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters) else {
                throw KubeError(.configuration, "\(origin): \(what)-data is not valid base64")
            }
            return Array(decoded)
        }
        guard let path = file?.stringValue, !path.isEmpty else { return nil }
        let resolved = resolve(path, base: base)
        guard let contents = FileManager.default.contents(atPath: resolved) else {
            throw KubeError(.configuration, "\(origin): \(what) file \(resolved) cannot be read; check that it exists")
        }
        return Array(contents)
    }

    private static func resolve(_ path: String, base: URL?) -> String {
        if path.hasPrefix("/") { return path }
        if path.hasPrefix("~/") { return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(String(path.dropFirst(2))).path }
        guard let base else { return path }
        return base.appendingPathComponent(path).standardizedFileURL.path
    }
}
