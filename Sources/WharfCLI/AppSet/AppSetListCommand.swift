import ArgumentParser
import KubeModel

/// `wharf appset list`: every ApplicationSet of the namespace.
struct AppSetListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List ApplicationSets.")

    @OptionGroup var core: CoreModeOptions

    @Option(name: [.customShort("o"), .customLong("output")], help: "Output format: wide, name, json or yaml.")
    var output: ObjectOutput = .wide

    func run() async throws {
        try await reportingFailures {
            let applicationSets = try await core.withClient { try await ArgoObjectStore.applicationSets(client: $0, namespace: core.namespace).list() }
            if let rendered = output.render(list: applicationSets.map(\.content)) {
                print(rendered, terminator: "")
            } else if output == .name {
                for applicationSet in applicationSets { print(applicationSet.name) }
            } else {
                var table = TextTable(AppSetView.listHeader)
                for applicationSet in applicationSets { table.append(AppSetView.listRow(applicationSet)) }
                print(table.text, terminator: "")
            }
        }
    }
}
