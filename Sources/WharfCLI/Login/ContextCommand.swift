import ArgumentParser

/// `wharf context [NAME]`: lists the contexts, or switches to one.
struct ContextCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "context", abstract: "List or switch the CLI's server contexts.")

    @Argument(help: "The context to make current.")
    var name: String?

    @Option(help: "The CLI's config file (default: $WHARF_CONFIG or ~/.config/wharf/config).")
    var config: String?

    func run() async throws {
        try await reportingFailures {
            let path = CLIConfig.path(config)
            var file = try CLIConfig.load(from: path)
            if let name {
                guard file.contexts.contains(where: { $0.name == name }) else { throw CommandFailure("no such context: \(name); see wharf context") }
                file.currentContext = name
                try file.save(to: path)
                print("Switched to context '\(name)'")
                return
            }
            var table = TextTable(["CURRENT", "NAME", "SERVER"])
            for context in file.contexts { table.append([context.name == file.currentContext ? "*" : "", context.name, context.server]) }
            print(table.text, terminator: "")
        }
    }
}
