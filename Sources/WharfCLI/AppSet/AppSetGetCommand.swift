import ArgumentParser
import KubeModel

/// `wharf appset get`: one ApplicationSet, as upstream's text view or as JSON/YAML.
struct AppSetGetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get", abstract: "Get ApplicationSet details.")

    @OptionGroup var core: CoreModeOptions

    @Argument(help: "The ApplicationSet name.")
    var name: String

    @Option(name: [.customShort("o"), .customLong("output")], help: "Output format: wide, json or yaml.")
    var output: ObjectOutput = .wide

    func run() async throws {
        try await reportingFailures {
            let applicationSet = try await core.withClient { try await ArgoObjectStore.applicationSets(client: $0, namespace: core.namespace).get(name) }
            print(output.render(applicationSet.content) ?? AppSetView.detail(applicationSet), terminator: "")
        }
    }
}
