import Foundation
import KubeClient
import KubeModel
import SyncEngine

/// The destination clusters: the in-cluster one, and those declared by cluster Secrets in the
/// control namespace. A cluster is connected (client made, live state watched) the first time an
/// application deploys to it, so that clusters nobody uses cost nothing; a changed Secret replaces
/// its connection.
actor ClusterRegistry {
    static let secrets = GroupVersionResource(group: "", version: "v1", resource: "secrets")

    /// The cluster the controller runs against.
    let inCluster: ClusterConnection
    /// Cluster Secrets, by label.
    let secretInformer: SharedInformer
    private let tracking: ResourceTracking
    /// Connections made from Secrets, by Secret name, with the Secret version they were made from.
    private var connections: [String: (version: String, connection: ClusterConnection, watch: Task<Void, Never>)] = [:]
    /// Parsed Secrets by name and version, so that a Secret is read once per change.
    private var parsed: [String: (version: String, result: Result<ClusterSecret, ClusterSecretError>)] = [:]
    /// Connection state by server.
    private var states: [String: ClusterState] = [:]
    private var synced: Set<ObjectIdentifier> = []
    private let changes: AsyncStream<ClusterChange>.Continuation
    /// Live changes of every connected cluster, for refreshing the applications concerned.
    let allChanges: AsyncStream<ClusterChange>
    private var stopped = false

    init(inCluster: ClusterConnection, client: KubeClient, namespace: String, tracking: ResourceTracking) {
        self.inCluster = inCluster
        self.tracking = tracking
        secretInformer = SharedInformer(
            client: client, resource: Self.secrets, namespace: namespace, selectors: ListOptions(labelSelector: "\(ClusterSecret.typeLabel)=cluster"),
            kind: "Secret")
        (allChanges, changes) = AsyncStream<ClusterChange>.makeStream()
        states[inCluster.server] = ClusterState(server: inCluster.server, name: inCluster.name, connected: true, version: "", message: "")
    }

    /// Every cluster Secret, parsed (or why it cannot be).
    func clusterSecrets() async -> [Result<ClusterSecret, ClusterSecretError>] {
        var results: [Result<ClusterSecret, ClusterSecretError>] = []
        for object in await secretInformer.list() { results.append(parse(object)) }
        return results
    }

    private func parse(_ object: KubeObject) -> Result<ClusterSecret, ClusterSecretError> {
        let version = object.resourceVersion ?? ""
        if let cached = parsed[object.name], cached.version == version { return cached.result }
        let result: Result<ClusterSecret, ClusterSecretError>
        do {
            result = .success(try ClusterSecret(secret: object))
        } catch {
            result = .failure(error)
        }
        parsed[object.name] = (version, result)
        return result
    }

    /// The connection for an application's destination (by `server` or `name`), connecting on first
    /// use; or, in upstream's words, why there is none.
    func connection(server: String?, name: String?, inClusterEnabled: Bool = true) async -> Result<ClusterConnection, DestinationError> {
        if server != nil && name != nil {
            return .failure(DestinationError("application destination can't have both name and server defined: \(name ?? "") \(server ?? "")"))
        }
        var matchingProblem: ClusterSecretError?
        for object in await secretInformer.list() {
            switch parse(object) {
            case .success(let secret):
                guard secret.server == server || (name != nil && secret.name == name) else { continue }
                return await connect(secret)
            case .failure(let problem):
                // A broken Secret cannot say which cluster it is for, unless its raw values do.
                if let raw = Self.rawValue(object, "server"), raw == server { matchingProblem = problem }
                if let raw = Self.rawValue(object, "name"), raw == name { matchingProblem = problem }
            }
        }
        if let matchingProblem { return .failure(DestinationError(matchingProblem.description)) }
        if inClusterEnabled && (server == ClusterSecret.inClusterServer || name == ClusterSecret.inClusterName) { return .success(inCluster) }
        if let name { return .failure(DestinationError("there are no clusters with this name: \(name)", unconfigured: true)) }
        return .failure(DestinationError("cluster '\(server ?? "")' has not been configured", unconfigured: true))
    }

    /// The sharding key of the cluster an application names (the Secret's UID, empty for the
    /// in-cluster destination, the name or URL itself for a cluster not configured — so that exactly
    /// one replica reports it) and the shard the Secret pins it to.
    func shardingKey(server: String?, name: String?) async -> (key: String, pinned: Int?) {
        for object in await secretInformer.list() {
            guard case .success(let secret) = parse(object), secret.server == server || (name != nil && secret.name == name) else { continue }
            return (secret.uid, secret.shard)
        }
        if server == ClusterSecret.inClusterServer || name == ClusterSecret.inClusterName { return ("", nil) }
        return (server ?? name ?? "", nil)
    }

    /// The sharding keys of every configured cluster, the in-cluster one included.
    func shardingKeys() async -> [String] {
        var keys = [""]
        for object in await secretInformer.list() {
            if case .success(let secret) = parse(object) { keys.append(secret.uid) }
        }
        return keys
    }

    /// The connections made so far (the in-cluster one first).
    func activeConnections() -> [ClusterConnection] {
        [inCluster] + connections.values.map(\.connection).sorted { $0.server < $1.server }
    }

    /// Connection state of every known cluster.
    func clusterStates() -> [ClusterState] {
        states.values.sorted { $0.server < $1.server }
    }

    /// Notes whether the in-cluster connection works, with its version.
    func recordInCluster(version: String) {
        states[inCluster.server] = ClusterState(server: inCluster.server, name: inCluster.name, connected: true, version: version, message: "")
    }

    /// Stops every watch and closes the clients made from Secrets.
    func shutDown() async {
        stopped = true
        for entry in connections.values {
            entry.watch.cancel()
            await entry.watch.value
            await entry.connection.client.shutdown()
        }
        connections = [:]
        changes.finish()
    }

    private func connect(_ secret: ClusterSecret) async -> Result<ClusterConnection, DestinationError> {
        let version = parsed[secret.secretName]?.version ?? ""
        if let existing = connections[secret.secretName], existing.version == version {
            return await ready(existing.connection)
        }
        if let old = connections.removeValue(forKey: secret.secretName) {
            old.watch.cancel()
            await old.connection.client.shutdown()
        }
        guard !stopped else { return .failure(DestinationError("the controller is stopping")) }
        let client: KubeClient
        do {
            client = try KubeClient(configuration: secret.configuration)
        } catch {
            states[secret.server] = ClusterState(server: secret.server, name: secret.name, connected: false, version: "", message: error.message)
            return .failure(DestinationError("cluster \(secret.name) (\(secret.server)): \(error.message)"))
        }
        let cache = ClusterCache(client: client, tracking: tracking)
        let connection = ClusterConnection(
            server: secret.server, name: secret.name, client: client, cache: cache, namespaces: secret.namespaces, clusterResources: secret.clusterResources)
        let stream = await cache.changes()
        // Owned here and cancelled by `shutDown()` or when the Secret changes.
        let watch = Task { [changes, weak self] in
            await withDiscardingTaskGroup { group in
                group.addTask { await cache.run() }
                group.addTask {
                    await cache.waitForSync()
                    await self?.markSynced(connection)
                }
                for await change in stream { changes.yield(change) }
            }
        }
        connections[secret.secretName] = (version, connection, watch)
        return await ready(connection)
    }

    /// The connection once its cache is filled; a cluster that cannot be reached within the time
    /// allowed is reported (and asked again on the application's next refresh).
    private func ready(_ connection: ClusterConnection) async -> Result<ClusterConnection, DestinationError> {
        if synced.contains(ObjectIdentifier(connection)) { return .success(connection) }
        let version: String
        do {
            version = try await connection.client.serverVersion()
        } catch {
            states[connection.server] = ClusterState(server: connection.server, name: connection.name, connected: false, version: "", message: error.message)
            return .failure(DestinationError("cluster \(connection.name) (\(connection.server)) cannot be reached: \(error.message)"))
        }
        // The watch task marks the cache filled; waiting is bounded, since informers never give up.
        let deadline = ContinuousClock.now + .seconds(30)
        while !synced.contains(ObjectIdentifier(connection)) {
            guard ContinuousClock.now < deadline, !Task.isCancelled else {
                states[connection.server] = ClusterState(
                    server: connection.server, name: connection.name, connected: false, version: version, message: "cache not filled within 30s")
                return .failure(
                    DestinationError("cluster \(connection.name) (\(connection.server)): its resources could not all be listed within 30s; check the credentials' permissions"))
            }
            try? await Task.sleep(for: .milliseconds(50))
        }
        states[connection.server] = ClusterState(server: connection.server, name: connection.name, connected: true, version: version, message: "")
        return .success(connection)
    }

    private func markSynced(_ connection: ClusterConnection) {
        synced.insert(ObjectIdentifier(connection))
    }

    private static func rawValue(_ secret: KubeObject, _ key: String) -> String? {
        if let text = secret[path: "stringData", key]?.stringValue { return text }
        return secret[path: "data", key]?.stringValue.flatMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) }
    }
}
