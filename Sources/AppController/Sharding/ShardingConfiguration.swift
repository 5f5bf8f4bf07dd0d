/// How one controller replica takes part in sharding, from upstream's environment variables.
public struct ShardingConfiguration: Sendable {
    /// What is sharded.
    public enum Scope: String, Sendable {
        /// Whole clusters, as upstream: all of a cluster's applications go to one replica.
        case cluster
        /// Applications, whatever their cluster: one large cluster's applications are spread over
        /// every replica (which upstream cannot do, argo-cd#6125).
        case application
    }

    /// How many replicas share the work (`ARGOCD_CONTROLLER_REPLICAS`); 1 turns sharding off.
    public var replicas: Int
    /// This replica's shard (`ARGOCD_CONTROLLER_SHARD`, else the StatefulSet ordinal ending the host name).
    public var shard: Int
    /// `ARGOCD_CONTROLLER_SHARDING_ALGORITHM`.
    public var algorithm: ShardingAlgorithm
    /// `WHARF_CONTROLLER_SHARDING_SCOPE` (`cluster` or `application`).
    public var scope: Scope
    /// How long a replica that stopped renewing its Lease keeps its share (`WHARF_CONTROLLER_SHARD_LEASE_SECONDS`).
    public var leaseDuration: Duration

    /// No sharding: one replica does everything.
    public init(replicas: Int = 1, shard: Int = 0, algorithm: ShardingAlgorithm = .legacy, scope: Scope = .cluster, leaseDuration: Duration = .seconds(15)) {
        self.replicas = replicas
        self.shard = shard
        self.algorithm = algorithm
        self.scope = scope
        self.leaseDuration = leaseDuration
    }

    /// The settings the environment gives, with what is wrong in them.
    public static func from(environment: [String: String], hostname: String) -> (configuration: ShardingConfiguration, problems: [String]) {
        var configuration = ShardingConfiguration()
        var problems: [String] = []
        if let text = environment["ARGOCD_CONTROLLER_REPLICAS"], !text.isEmpty {
            if let replicas = Int(text), replicas >= 1 { configuration.replicas = replicas } else { problems.append("ARGOCD_CONTROLLER_REPLICAS=\(text) is not a positive number; using 1") }
        }
        if let text = environment["ARGOCD_CONTROLLER_SHARD"], !text.isEmpty {
            if let shard = Int(text), shard >= 0 { configuration.shard = shard } else { problems.append("ARGOCD_CONTROLLER_SHARD=\(text) is not a shard number; using 0") }
        } else if let dash = hostname.lastIndex(of: "-"), let ordinal = Int(hostname[hostname.index(after: dash)...]) {
            configuration.shard = ordinal
        }
        if configuration.shard >= configuration.replicas {
            problems.append("shard \(configuration.shard) is not below ARGOCD_CONTROLLER_REPLICAS=\(configuration.replicas); using shard 0")
            configuration.shard = 0
        }
        if let text = environment["ARGOCD_CONTROLLER_SHARDING_ALGORITHM"], !text.isEmpty {
            if let algorithm = ShardingAlgorithm(rawValue: text) { configuration.algorithm = algorithm } else { problems.append("ARGOCD_CONTROLLER_SHARDING_ALGORITHM=\(text) is not legacy, round-robin or consistent-hashing; using legacy") }
        }
        if let text = environment["WHARF_CONTROLLER_SHARDING_SCOPE"], !text.isEmpty {
            if let scope = Scope(rawValue: text) { configuration.scope = scope } else { problems.append("WHARF_CONTROLLER_SHARDING_SCOPE=\(text) is not cluster or application; using cluster") }
        }
        if let text = environment["WHARF_CONTROLLER_SHARD_LEASE_SECONDS"], !text.isEmpty {
            if let seconds = Int(text), seconds >= 2 { configuration.leaseDuration = .seconds(seconds) } else { problems.append("WHARF_CONTROLLER_SHARD_LEASE_SECONDS=\(text) is not a number of seconds ≥ 2; using 15") }
        }
        return (configuration, problems)
    }
}
