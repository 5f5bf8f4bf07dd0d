import ArgumentParser

/// `wharf cluster`: the embedded Kubernetes-compatible cluster, and the destination clusters Wharf
/// deploys to (Argo CD's `argocd cluster`, talking to Kubernetes directly as `argocd --core` does).
struct ClusterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster",
        abstract: "Run the embedded cluster, and manage the clusters Wharf deploys to.",
        subcommands: [ClusterStartCommand.self, ClusterAddCommand.self, ClusterListCommand.self, ClusterGetCommand.self, ClusterRemoveCommand.self]
    )
}
