public import Foundation
public import KubeClient
public import KubeModel

/// A destination cluster as Argo CD declares one: a Secret labelled
/// `argocd.argoproj.io/secret-type: cluster` with `name`, `server`, `namespaces`, `clusterResources`,
/// `project`, `shard` and `config` (JSON: `bearerToken`, `username`/`password`, `tlsClientConfig`,
/// `execProviderConfig`).
public struct ClusterSecret: Sendable {
    /// The label that marks cluster Secrets.
    public static let typeLabel = WellKnownLabels.secretType
    /// The in-cluster destination's URL.
    public static let inClusterServer = "https://kubernetes.default.svc"
    /// The in-cluster destination's name.
    public static let inClusterName = "in-cluster"

    /// The Secret's name.
    public var secretName: String
    /// The Secret's UID (the cluster's ID for sharding).
    public var uid: String
    /// The cluster name applications may use as `destination.name`.
    public var name: String
    /// The API server URL.
    public var server: String
    /// The namespaces Wharf may manage (all when empty).
    public var namespaces: [String]
    /// Whether cluster-scoped resources may be managed when `namespaces` is set.
    public var clusterResources: Bool
    /// The project the cluster is scoped to, if any.
    public var project: String?
    /// The controller shard the cluster is pinned to, if any.
    public var shard: Int?
    /// The Secret's labels and annotations (the Clusters generator reads them).
    public var labels: [String: String]
    /// The Secret's annotations.
    public var annotations: [String: String]
    /// How to reach the cluster.
    public var configuration: ClientConfiguration

    /// Reads `secret`.
    /// - Throws: ``ClusterSecretError`` naming the Secret and the key at fault (never a credential).
    public init(secret: KubeObject) throws(ClusterSecretError) {
        func value(_ key: String) -> String? {
            if let text = secret[path: "stringData", key]?.stringValue { return text }
            guard let encoded = secret[path: "data", key]?.stringValue else { return nil }
            return Data(base64Encoded: encoded).map { String(decoding: $0, as: UTF8.self) }
        }
        let secretName = secret.name
        func failure(_ message: String) -> ClusterSecretError { ClusterSecretError(secret: secretName, message) }
        self.secretName = secretName
        uid = secret.uid ?? ""
        guard let server = value("server")?.trimmingCharacters(in: .whitespacesAndNewlines), !server.isEmpty else {
            throw failure("key server is missing; give the cluster's API server URL")
        }
        guard let url = URL(string: server), url.scheme == "https" || url.scheme == "http", url.host != nil else {
            throw failure("key server: \"\(server)\" is not an http(s) URL")
        }
        self.server = server
        name = value("name").flatMap { $0.isEmpty ? nil : $0 } ?? server
        namespaces = (value("namespaces") ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        clusterResources = value("clusterResources") == "true"
        project = value("project").flatMap { $0.isEmpty ? nil : $0 }
        if let shardText = value("shard"), !shardText.isEmpty {
            guard let shard = Int(shardText), shard >= 0 else { throw failure("key shard: \"\(shardText)\" is not a shard number (0, 1, ...)") }
            self.shard = shard
        }
        labels = secret.labels
        annotations = secret.annotations
        let config: JSONValue
        if let text = value("config"), !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            do {
                config = try JSONParser.parse(text)
            } catch {
                throw failure("key config is not JSON (\(error.message)); write {\"bearerToken\": ..., \"tlsClientConfig\": {...}}")
            }
            guard config.objectValue != nil else { throw failure("key config must be a JSON object") }
        } else {
            config = .emptyObject
        }
        configuration = try Self.clientConfiguration(server: server, config: config, failure: failure)
    }

    /// The client settings `config` describes.
    private static func clientConfiguration(server: String, config: JSONValue, failure: (String) -> ClusterSecretError) throws(ClusterSecretError) -> ClientConfiguration {
        var cluster = Kubeconfig.Cluster(server: server)
        var user = Kubeconfig.User()
        let tls = config["tlsClientConfig"] ?? .emptyObject
        func pem(_ key: String) throws(ClusterSecretError) -> [UInt8]? {
            guard let encoded = tls[key]?.stringValue, !encoded.isEmpty else { return nil }
            guard let bytes = Data(base64Encoded: encoded) else { throw failure("config.tlsClientConfig.\(key) is not base64 (it holds PEM, base64-encoded)") }
            return Array(bytes)
        }
        cluster.insecureSkipTLSVerify = tls["insecure"]?.boolValue ?? false
        cluster.tlsServerName = tls["serverName"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        cluster.certificateAuthorityPEM = try pem("caData")
        user.clientCertificatePEM = try pem("certData")
        user.clientKeyPEM = try pem("keyData")
        if (user.clientCertificatePEM == nil) != (user.clientKeyPEM == nil) {
            throw failure("config.tlsClientConfig: certData and keyData go together; give both or neither")
        }
        user.token = config["bearerToken"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        user.username = config["username"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        user.password = config["password"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        if let exec = config["execProviderConfig"], exec.objectValue != nil {
            guard let command = exec["command"]?.stringValue, !command.isEmpty else { throw failure("config.execProviderConfig.command is missing") }
            var plugin = Kubeconfig.ExecPlugin(apiVersion: exec["apiVersion"]?.stringValue ?? "client.authentication.k8s.io/v1", command: command)
            plugin.arguments = (exec["args"]?.arrayValue ?? []).compactMap(\.stringValue)
            for (key, value) in exec["env"]?.objectValue ?? [:] { plugin.environment[key] = value.stringValue }
            plugin.installHint = exec["installHint"]?.stringValue
            user.exec = plugin
        }
        for unsupported in ["awsAuthConfig"] where config[unsupported].map({ !$0.isNull }) ?? false {
            throw failure("config.\(unsupported) is not supported; use execProviderConfig with the provider's credential plugin")
        }
        return ClientConfiguration(cluster: cluster, user: user)
    }
}
