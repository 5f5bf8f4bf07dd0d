import ArgumentParser

/// `wharf kube`: offline tools for Kubernetes manifests (patch, diff), kubectl-compatible.
struct KubeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kube",
        abstract: "Work with Kubernetes manifests offline: patch and diff them like kubectl.",
        subcommands: [KubePatchCommand.self, KubeDiffCommand.self]
    )
}
