import ArgumentParser

/// `wharf logout CONTEXT`: forgets a context's token.
struct LogoutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "logout", abstract: "Log out: remove a context's token from the config file.")

    @Argument(help: "The context (default: the current one).")
    var context: String?

    @Option(help: "The CLI's config file (default: $WHARF_CONFIG or ~/.config/wharf/config).")
    var config: String?

    func run() async throws {
        try await reportingFailures {
            let path = CLIConfig.path(config)
            var file = try CLIConfig.load(from: path)
            guard let name = context ?? file.currentContext, let index = file.contexts.firstIndex(where: { $0.name == name }) else {
                throw CommandFailure("no such context: \(context ?? "(none is current)")")
            }
            file.contexts[index].token = ""
            try file.save(to: path)
            print("Logged out from '\(name)'")
        }
    }
}
