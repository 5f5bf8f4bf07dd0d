import ArgumentParser

/// `wharf app`: Applications, as upstream's `argocd app` in core mode (the rest of the verbs come
/// with the API server).
struct AppCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "app",
        abstract: "Manage Applications directly through the Kubernetes API, like 'argocd app --core'.",
        subcommands: [AppSyncCommand.self]
    )
}
