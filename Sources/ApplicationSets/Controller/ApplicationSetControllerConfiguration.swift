/// Settings of the ApplicationSet controller, after upstream's flags where it has them.
public struct ApplicationSetControllerConfiguration: Sendable {
    /// The namespace whose ApplicationSets, Applications and cluster Secrets the controller reads.
    public var namespace: String
    /// How many ApplicationSets are reconciled at once (`--concurrent-reconciliations`).
    public var concurrentReconciliations: Int

    /// Settings with upstream's defaults for `namespace`.
    public init(namespace: String = "argocd", concurrentReconciliations: Int = 10) {
        self.namespace = namespace
        self.concurrentReconciliations = concurrentReconciliations
    }
}
