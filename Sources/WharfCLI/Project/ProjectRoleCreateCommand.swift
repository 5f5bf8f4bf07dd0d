import ArgumentParser
import KubeModel

/// `wharf proj role create`: a new, empty role.
struct ProjectRoleCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "Create a project role.")

    @OptionGroup var core: CoreModeOptions

    @Argument(help: "The project name.")
    var project: String

    @Argument(help: "The role name.")
    var role: String

    @Option(help: "Role description.")
    var description = ""

    func run() async throws {
        try await reportingFailures {
            let created = try await core.withClient { client in
                try await ArgoObjectStore.projects(client: client, namespace: core.namespace).edit(project) { object in
                    var roles = object[path: "spec", "roles"]?.arrayValue ?? []
                    guard !roles.contains(where: { $0["name"]?.stringValue == role }) else { return }
                    var entry: JSONValue = ["name": .string(role)]
                    if !description.isEmpty { entry["description"] = .string(description) }
                    roles.append(entry)
                    object[path: "spec", "roles"] = .array(roles)
                }
            }
            print(created ? "Role '\(role)' created" : "Role '\(role)' already exists")
        }
    }
}
