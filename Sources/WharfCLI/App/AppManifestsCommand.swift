import ArgumentParser
import KubeModel

/// `wharf app manifests NAME`: the manifests Git renders to (`--source git`, the default) or the
/// live objects (`--source live`), as YAML documents.
struct AppManifestsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "manifests", abstract: "Print an application's manifests.")

    @OptionGroup var server: ServerOptions

    @Argument(help: "The application name.")
    var name: String

    @Option(help: "git (rendered from the target revision) or live (from the cluster).")
    var source = "git"

    @Option(help: "Render this revision instead of the target revision.")
    var revision: String?

    func validate() throws {
        guard ["git", "live"].contains(source) else { throw ValidationError("--source must be git or live") }
    }

    func run() async throws {
        try await reportingFailures {
            let path = APIConnection.path("/api/v1/applications", name)
            let states: [String]
            if source == "live" {
                let items = try await server.withAPI { try await $0.call(.GET, path + "/managed-resources") }["items"]?.arrayValue ?? []
                states = items.compactMap { $0["liveState"]?.stringValue }.filter { $0 != "null" }
            } else {
                let query = revision.map { [("revision", $0)] } ?? []
                let answer = try await server.withAPI { try await $0.call(.GET, path + "/manifests", query: query) }
                states = (answer["manifests"]?.arrayValue ?? []).compactMap(\.stringValue)
            }
            let documents = states.compactMap { try? JSONParser.parse(bytes: Array($0.utf8)) }
            print(YAMLWriter.string(documents: documents), terminator: "")
        }
    }
}
