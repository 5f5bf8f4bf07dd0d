/// The application controller's settings, named after upstream's flags and `argocd-cm` keys.
public struct AppControllerConfiguration: Sendable {
    /// The namespace Applications, AppProjects and settings live in (`argocd` upstream).
    public var namespace: String
    /// Refresh/compare workers (`controller.status.processors`).
    public var statusProcessors: Int
    /// Sync workers (`controller.operation.processors`).
    public var operationProcessors: Int
    /// How often every application is refreshed (`timeout.reconciliation`).
    public var reconciliationTimeout: Duration
    /// The most random delay added to each periodic refresh (`timeout.reconciliation.jitter`).
    public var reconciliationJitter: Duration
    /// How this replica shares the work with others.
    public var sharding: ShardingConfiguration

    /// Upstream's defaults.
    public init(
        namespace: String = "argocd", statusProcessors: Int = 20, operationProcessors: Int = 10, reconciliationTimeout: Duration = .seconds(120),
        reconciliationJitter: Duration = .seconds(60), sharding: ShardingConfiguration = ShardingConfiguration()
    ) {
        self.sharding = sharding
        self.namespace = namespace
        self.statusProcessors = statusProcessors
        self.operationProcessors = operationProcessors
        self.reconciliationTimeout = reconciliationTimeout
        self.reconciliationJitter = reconciliationJitter
    }
}
