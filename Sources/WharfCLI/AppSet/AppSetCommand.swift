import ArgumentParser

/// `wharf appset`: ApplicationSets, as upstream's `argocd appset` in core mode.
struct AppSetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "appset",
        abstract: "Manage ApplicationSets directly through the Kubernetes API, like 'argocd appset --core'.",
        subcommands: [AppSetCreateCommand.self, AppSetGetCommand.self, AppSetListCommand.self, AppSetDeleteCommand.self]
    )
}
