import ArgumentParser
import KubeModel

/// `wharf repo add URL`: saves a repository and its credentials after checking it can be read.
struct RepoAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a repository.")

    @OptionGroup var server: ServerOptions
    @OptionGroup var credentials: RepoCredentialOptions

    @Argument(help: "The repository URL.")
    var url: String

    func run() async throws {
        try await reportingFailures {
            let body = try credentials.body(url: url)
            let query = credentials.upsert ? [("upsert", "true")] : []
            _ = try await server.withAPI { try await $0.call(.POST, "/api/v1/repositories", query: query, body: body) }
            print("Repository '\(url)' added")
        }
    }
}
