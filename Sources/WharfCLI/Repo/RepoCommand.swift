import ArgumentParser

/// `wharf repo`: Git and Helm repositories, as `argocd repo`.
struct RepoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repo", abstract: "Manage repositories and their credentials.",
        subcommands: [RepoAddCommand.self, RepoListCommand.self, RepoGetCommand.self, RepoRemoveCommand.self])
}
