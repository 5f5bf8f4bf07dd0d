import ArgumentParser
import KubeModel

/// `wharf proj role delete`: removes a role, which revokes its tokens.
struct ProjectRoleDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a project role.")

    @OptionGroup var core: CoreModeOptions

    @Argument(help: "The project name.")
    var project: String

    @Argument(help: "The role name.")
    var role: String

    func run() async throws {
        try await reportingFailures {
            let deleted = try await core.withClient { client in
                try await ArgoObjectStore.projects(client: client, namespace: core.namespace).edit(project) { object in
                    let roles = object[path: "spec", "roles"]?.arrayValue ?? []
                    guard roles.contains(where: { $0["name"]?.stringValue == role }) else { return }
                    object[path: "spec", "roles"] = .array(roles.filter { $0["name"]?.stringValue != role })
                }
            }
            print(deleted ? "Role '\(role)' deleted" : "Role '\(role)' does not exist in project")
        }
    }
}
