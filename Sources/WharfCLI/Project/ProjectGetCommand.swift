import ArgumentParser
import KubeModel

/// `wharf proj get`: one project, as upstream's text view or as JSON/YAML.
struct ProjectGetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get", abstract: "Get project details.")

    @OptionGroup var core: CoreModeOptions

    @Argument(help: "The project name.")
    var name: String

    @Option(name: [.customShort("o"), .customLong("output")], help: "Output format: wide, json or yaml.")
    var output: ObjectOutput = .wide

    func run() async throws {
        try await reportingFailures {
            let project = try await core.withClient { try await ArgoObjectStore.projects(client: $0, namespace: core.namespace).get(name) }
            print(output.render(project.content) ?? ProjectView.detail(project), terminator: "")
        }
    }
}
