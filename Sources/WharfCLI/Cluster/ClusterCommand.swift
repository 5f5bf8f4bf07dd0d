import ArgumentParser

/// `wharf cluster`: the embedded Kubernetes-compatible cluster.
struct ClusterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster",
        abstract: "Run the embedded Kubernetes-compatible cluster.",
        subcommands: [ClusterStartCommand.self]
    )
}
