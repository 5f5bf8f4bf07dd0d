import AppController
import KubeClient
import KubeModel

/// A cluster as upstream's API shows it (`argocd cluster get -o yaml`): its settings, its connection
/// state, and `config` with the credentials taken out (`bearerToken`, `password`, `keyData`, and the
/// exec plugin's `args` and `env`), as upstream's server redacts them.
struct ClusterView: Sendable {
    var server: String
    var name: String
    var namespaces: [String] = []
    var clusterResources = false
    var project: String?
    var shard: Int?
    var labels: [String: String] = [:]
    var annotations: [String: String] = [:]
    var config: JSONValue = ["tlsClientConfig": ["insecure": false]]
    /// How to reach the cluster, when the Secret could be read.
    var configuration: ClientConfiguration?
    /// `Successful`, `Failed` or `Unknown`, as upstream's connection states.
    var status = "Unknown"
    var message = ""
    /// `MAJOR.MINOR`, as upstream shows it.
    var version = ""

    /// The view of a cluster Secret; one that cannot be read shows as `Failed` with the reason (which
    /// names the key, never a credential).
    init(secret: KubeObject) {
        server = ClusterSecretStore.value(secret, "server") ?? ""
        name = ClusterSecretStore.value(secret, "name") ?? server
        do {
            let cluster = try ClusterSecret(secret: secret)
            server = cluster.server
            name = cluster.name
            namespaces = cluster.namespaces
            clusterResources = cluster.clusterResources
            project = cluster.project
            shard = cluster.shard
            labels = cluster.labels
            annotations = cluster.annotations
            configuration = cluster.configuration
            config = Self.redacted(ClusterSecretStore.value(secret, "config").flatMap { try? JSONParser.parse($0) } ?? .emptyObject)
        } catch {
            status = "Failed"
            message = error.description
        }
    }

    /// The in-cluster destination, reached with the control cluster's own credentials.
    init(inCluster configuration: ClientConfiguration) {
        server = ClusterSecret.inClusterServer
        name = ClusterSecret.inClusterName
        self.configuration = configuration
    }

    /// Calls `/version` with a short timeout and no retries, and records what came of it.
    mutating func probe() async {
        guard var settings = configuration else { return }
        settings.requestTimeout = .seconds(5)
        settings.connectTimeout = .seconds(3)
        settings.retry = .never
        let client: KubeClient
        do {
            client = try KubeClient(configuration: settings)
        } catch {
            status = "Failed"
            message = error.description
            return
        }
        do {
            let gitVersion = try await client.serverVersion()
            version = gitVersion.drop { $0 == "v" }.split(separator: ".").prefix(2).joined(separator: ".")
            status = "Successful"
            message = ""
        } catch {
            status = "Failed"
            message = error.description
        }
        await client.shutdown()
    }

    /// Probes every view at once.
    static func probeAll(_ views: [ClusterView]) async -> [ClusterView] {
        await withTaskGroup(of: (Int, ClusterView).self) { group in
            for (index, view) in views.enumerated() {
                group.addTask {
                    var probed = view
                    await probed.probe()
                    return (index, probed)
                }
            }
            var result = views
            for await (index, view) in group { result[index] = view }
            return result
        }
    }

    /// The object `-o json|yaml` prints, with upstream's field names.
    var json: JSONValue {
        var object: JSONValue = ["server": .string(server), "name": .string(name), "config": config]
        if !namespaces.isEmpty { object["namespaces"] = .array(namespaces.map(JSONValue.string)) }
        if clusterResources { object["clusterResources"] = true }
        if let project { object["project"] = .string(project) }
        if let shard { object["shard"] = .int(shard) }
        if !labels.isEmpty { object["labels"] = .object(JSONObject(uniqueKeysWithValues: labels.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })) }
        if !annotations.isEmpty {
            object["annotations"] = .object(JSONObject(uniqueKeysWithValues: annotations.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
        }
        let connectionState: JSONValue = ["status": .string(status), "message": .string(message)]
        object["connectionState"] = connectionState
        object["serverVersion"] = .string(version)
        object["info"] = ["connectionState": connectionState, "serverVersion": .string(version)]
        return object
    }

    /// Upstream's table: SERVER NAME VERSION STATUS MESSAGE PROJECT.
    static func table(_ views: [ClusterView]) -> String {
        var table = TextTable(["SERVER", "NAME", "VERSION", "STATUS", "MESSAGE", "PROJECT"])
        for view in views {
            let server = view.namespaces.isEmpty ? view.server : "\(view.server) (\(view.namespaces.count) namespaces)"
            table.append([server, view.name, view.version, view.status, view.message, view.project ?? ""])
        }
        return table.text
    }

    /// `config` without what authenticates.
    private static func redacted(_ config: JSONValue) -> JSONValue {
        var config = config
        config["bearerToken"] = nil
        config["password"] = nil
        config[path: ["tlsClientConfig", "keyData"]] = nil
        if config["tlsClientConfig"] == nil { config["tlsClientConfig"] = ["insecure": false] }
        if config["execProviderConfig"]?.objectValue != nil {
            config[path: ["execProviderConfig", "args"]] = nil
            config[path: ["execProviderConfig", "env"]] = .emptyObject
        }
        return config
    }
}
