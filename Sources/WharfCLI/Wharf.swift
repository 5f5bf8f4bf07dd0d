import ArgumentParser

/// The `wharf` command: GitOps continuous delivery for Kubernetes.
@main
struct Wharf: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wharf",
        abstract: "GitOps continuous delivery for Kubernetes: sync, progressive rollouts and promotion in one tool.",
        version: WharfVersion.current,
        subcommands: [
            UpCommand.self, ControllerCommand.self, ServerCommand.self, KubeCommand.self, ClusterCommand.self, HelmCommand.self, ManifestsCommand.self, ProjCommand.self,
            AppSetCommand.self, AppCommand.self, LoginCommand.self, LogoutCommand.self, ContextCommand.self, AccountCommand.self, AdminCommand.self, RepoCommand.self, RepoCredsCommand.self,
        ]
    )
}
