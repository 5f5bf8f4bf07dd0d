import ArgumentParser
import KubeModel

/// `wharf repocreds list`.
struct RepoCredsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List credential templates.")

    @OptionGroup var server: ServerOptions

    func run() async throws {
        try await reportingFailures {
            let items = try await server.withAPI { try await $0.call(.GET, "/api/v1/repocreds") }["items"]?.arrayValue ?? []
            var table = TextTable(["URL PATTERN", "USERNAME", "SSH_CREDS"])
            for item in items {
                table.append([item["repo"]?.stringValue ?? "", item["username"]?.stringValue ?? "-", item["hasCredentials"] == true && item["username"] == nil ? "true" : "false"])
            }
            print(table.text, terminator: "")
        }
    }
}
