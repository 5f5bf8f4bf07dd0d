/// How a ``LeaderElector`` competes for its Lease; the defaults are client-go's.
public struct LeaderElectionConfiguration: Sendable {
    /// The Lease's namespace.
    public var namespace: String
    /// The Lease's name, shared by every replica competing.
    public var name: String
    /// This replica's identity, unique among the replicas (pod name, hostname + random suffix).
    public var identity: String
    /// How long a lease holds after its last renewal; others take over after that.
    public var leaseDuration: Duration = .seconds(15)
    /// How long the leader keeps trying to renew before it gives up leadership.
    public var renewDeadline: Duration = .seconds(10)
    /// How often candidates try to acquire, and the leader renews.
    public var retryPeriod: Duration = .seconds(2)
    /// Whether to give up the lease when stopped, so that another replica takes over at once
    /// instead of after ``leaseDuration``.
    public var releaseOnCancel: Bool = true

    /// Creates a configuration with client-go's timings.
    public init(namespace: String, name: String, identity: String) {
        self.namespace = namespace
        self.name = name
        self.identity = identity
    }
}
