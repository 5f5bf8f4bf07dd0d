import ArgumentParser
import KubeModel

/// `wharf account generate-token`: an API token for an account with the `apiKey` capability.
struct AccountGenerateTokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate-token", abstract: "Generate an API token for an account.")

    @OptionGroup var server: ServerOptions

    @Option(name: [.short, .long], help: "The account (default: the logged-in one).")
    var account: String?

    @Option(name: [.short, .long], help: "Seconds until it expires (default: never).")
    var expiresIn: Int = 0

    @Option(name: .customLong("id"), help: "The token id (default: a random UUID).")
    var id: String?

    func run() async throws {
        try await reportingFailures {
            let token = try await server.withAPI { api in
                var name = account ?? ""
                if name.isEmpty { name = try await api.call(.GET, "/api/v1/session/userinfo")["username"]?.stringValue ?? "" }
                var body: JSONValue = ["expiresIn": .int(expiresIn)]
                if let id { body["id"] = .string(id) }
                return try await api.call(.POST, APIConnection.path("/api/v1/account", name) + "/token", body: body)["token"]?.stringValue ?? ""
            }
            print(token)
        }
    }
}
