import ArgumentParser

/// `wharf proj`: AppProjects, as upstream's `argocd proj` in core mode.
struct ProjCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proj",
        abstract: "Manage projects (AppProjects) directly through the Kubernetes API, like 'argocd proj --core'.",
        subcommands: [
            ProjectCreateCommand.self, ProjectGetCommand.self, ProjectListCommand.self, ProjectSetCommand.self, ProjectDeleteCommand.self,
            ProjectAddDestinationCommand.self, ProjectRemoveDestinationCommand.self, ProjectAddSourceCommand.self, ProjectRemoveSourceCommand.self,
            ProjectAllowClusterResourceCommand.self, ProjectDenyClusterResourceCommand.self,
            ProjectAllowNamespaceResourceCommand.self, ProjectDenyNamespaceResourceCommand.self,
            ProjectWindowsCommand.self, ProjectRoleCommand.self,
        ]
    )
}
