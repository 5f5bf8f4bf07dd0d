import ArgumentParser
import KubeModel

/// `wharf app history NAME`: the application's deployments, as `argocd app history`.
struct AppHistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "Show an application's deployment history.")

    @OptionGroup var server: ServerOptions

    @Argument(help: "The application name.")
    var name: String

    @Option(name: .shortAndLong, help: "Output format: wide, json or yaml.")
    var output: ObjectOutput = .wide

    func run() async throws {
        try await reportingFailures {
            let path = APIConnection.path("/api/v1/applications", name)
            let application = try await server.withAPI { try await $0.call(.GET, path) }
            let history = application[path: ["status", "history"]]?.arrayValue ?? []
            if let rendered = output.render(list: history) {
                print(rendered, terminator: "")
                return
            }
            var table = TextTable(["ID", "DATE", "REVISION"])
            for entry in history {
                let revision = entry["revision"]?.stringValue ?? (entry["revisions"]?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: ",")
                let target = entry[path: ["source", "targetRevision"]]?.stringValue ?? "HEAD"
                table.append([String(entry["id"]?.int64Value ?? 0), entry["deployedAt"]?.stringValue ?? "", "\(target) (\(revision.prefix(7)))"])
            }
            print(table.text, terminator: "")
        }
    }
}
