import ArgumentParser
import KubeModel

/// `wharf repocreds`: credential templates for every repository under a URL prefix, as `argocd repocreds`.
struct RepoCredsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repocreds", abstract: "Manage credential templates for repositories under a URL prefix.",
        subcommands: [RepoCredsAddCommand.self, RepoCredsListCommand.self, RepoCredsRemoveCommand.self])
}
