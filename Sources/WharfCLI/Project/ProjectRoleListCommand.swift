import ArgumentParser
import KubeModel

/// `wharf proj role list`: a project's roles.
struct ProjectRoleListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List all the roles in a project.")

    @OptionGroup var core: CoreModeOptions

    @Argument(help: "The project name.")
    var project: String

    @Option(name: [.customShort("o"), .customLong("output")], help: "Output format: wide, name, json or yaml.")
    var output: ObjectOutput = .wide

    func run() async throws {
        try await reportingFailures {
            let object = try await core.withClient { try await ArgoObjectStore.projects(client: $0, namespace: core.namespace).get(project) }
            let roles = object[path: "spec", "roles"]?.arrayValue ?? []
            if let rendered = output.render(list: roles) {
                print(rendered, terminator: "")
            } else if output == .name {
                for role in roles { print(role["name"]?.stringValue ?? "") }
            } else {
                var table = TextTable(["ROLE-NAME", "DESCRIPTION"])
                for role in roles { table.append([role["name"]?.stringValue ?? "", role["description"]?.stringValue ?? ""]) }
                print(table.text, terminator: "")
            }
        }
    }
}
