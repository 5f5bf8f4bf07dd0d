import ArgumentParser

/// `wharf repo rm URL...`: forgets repositories (and their credentials).
struct RepoRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rm", abstract: "Remove repositories.")

    @OptionGroup var server: ServerOptions

    @Argument(help: "The repository URLs.")
    var urls: [String]

    func run() async throws {
        try await reportingFailures {
            try await server.withAPI { [urls] api in
                for url in urls {
                    _ = try await api.call(.DELETE, APIConnection.path("/api/v1/repositories", url))
                    print("Repository '\(url)' removed")
                }
            }
        }
    }
}
