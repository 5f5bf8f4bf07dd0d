import ArgumentParser
import KubeModel

/// `wharf repocreds add URL`.
struct RepoCredsAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a credential template.")

    @OptionGroup var server: ServerOptions
    @OptionGroup var credentials: RepoCredentialOptions

    @Argument(help: "The URL prefix the credentials serve.")
    var url: String

    func run() async throws {
        try await reportingFailures {
            let body = try credentials.body(url: url)
            let query = credentials.upsert ? [("upsert", "true")] : []
            _ = try await server.withAPI { try await $0.call(.POST, "/api/v1/repocreds", query: query, body: body) }
            print("Repository credentials for '\(url)' added")
        }
    }
}
