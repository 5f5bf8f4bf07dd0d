import ArgumentParser

/// `wharf account`: the logged-in account, as `argocd account`.
struct AccountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account", abstract: "Manage accounts: who am I, passwords, API tokens, permissions.",
        subcommands: [AccountGetUserInfoCommand.self, AccountCanICommand.self, AccountUpdatePasswordCommand.self, AccountGenerateTokenCommand.self])
}
