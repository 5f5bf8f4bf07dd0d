import ArgumentParser
import KubeModel

/// `wharf app get NAME`: an application's state, as `argocd app get`.
struct AppGetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get", abstract: "Show an application.")

    @OptionGroup var server: ServerOptions

    @Argument(help: "The application name.")
    var name: String

    @Flag(help: "Refresh from Git first.")
    var refresh = false

    @Flag(name: .customLong("hard-refresh"), help: "Refresh, regenerating manifests even when cached.")
    var hardRefresh = false

    @Option(name: .shortAndLong, help: "Output format: wide, json, yaml or name.")
    var output: ObjectOutput = .wide

    func run() async throws {
        try await reportingFailures {
            let query = hardRefresh ? [("refresh", "hard")] : refresh ? [("refresh", "normal")] : []
            let path = APIConnection.path("/api/v1/applications", name)
            let application = try await server.withAPI { try await $0.call(.GET, path, query: query) }
            if let rendered = output.render(application) {
                print(rendered, terminator: "")
            } else if output == .name {
                print(ApplicationSummary(application: application).name)
            } else {
                print(ApplicationSummary(application: application).details, terminator: "")
            }
        }
    }
}
