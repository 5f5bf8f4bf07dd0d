import ArgumentParser

/// `wharf admin`: operator commands that work on the cluster directly.
struct AdminCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin", abstract: "Operator commands run against the cluster with a kubeconfig.", subcommands: [AdminInitialPasswordCommand.self])
}
