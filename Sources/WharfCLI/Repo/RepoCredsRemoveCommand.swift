import ArgumentParser
import KubeModel

/// `wharf repocreds rm URL`.
struct RepoCredsRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rm", abstract: "Remove a credential template.")

    @OptionGroup var server: ServerOptions

    @Argument(help: "The URL prefix.")
    var url: String

    func run() async throws {
        try await reportingFailures {
            _ = try await server.withAPI { [url] in try await $0.call(.DELETE, APIConnection.path("/api/v1/repocreds", url)) }
            print("Repository credentials for '\(url)' removed")
        }
    }
}
