import ArgumentParser
import KubeModel

/// `wharf proj list`: every project of the namespace.
struct ProjectListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List projects.")

    @OptionGroup var core: CoreModeOptions

    @Option(name: [.customShort("o"), .customLong("output")], help: "Output format: wide, name, json or yaml.")
    var output: ObjectOutput = .wide

    func run() async throws {
        try await reportingFailures {
            let projects = try await core.withClient { try await ArgoObjectStore.projects(client: $0, namespace: core.namespace).list() }
            if let rendered = output.render(list: projects.map(\.content)) {
                print(rendered, terminator: "")
            } else if output == .name {
                for project in projects { print(project.name) }
            } else {
                var table = TextTable(ProjectView.listHeader)
                for project in projects { table.append(ProjectView.listRow(project)) }
                print(table.text, terminator: "")
            }
        }
    }
}
