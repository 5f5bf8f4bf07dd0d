import ArgumentParser
import Foundation
import KubeModel
import Projects

/// `wharf proj role get`: one role's policies, groups and tokens.
struct ProjectRoleGetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get", abstract: "Get the details of a specific role.")

    @OptionGroup var core: CoreModeOptions

    @Argument(help: "The project name.")
    var project: String

    @Argument(help: "The role name.")
    var role: String

    func run() async throws {
        try await reportingFailures {
            let object = try await core.withClient { try await ArgoObjectStore.projects(client: $0, namespace: core.namespace).get(project) }
            let index = try ProjectRoleLookup.index(of: role, in: object)
            let details = ProjectRole(object[path: "spec", "roles"]?.arrayValue?[index] ?? .emptyObject)
            func label(_ text: String) -> String { text.padding(toLength: 15, withPad: " ", startingAt: 0) }
            print(label("Role Name:") + role)
            print(label("Description:") + details.description)
            print("Policies:")
            for policy in details.policies { print(policy) }
            print("Groups:")
            print(details.groups.isEmpty ? "<none>" : details.groups.map { "  - \($0)" }.joined(separator: "\n"))
            print("JWT Tokens:")
            var table = TextTable(["ID", "ISSUED-AT", "EXPIRES-AT"])
            for token in details.tokens {
                table.append([String(token.issuedAt), ProjectTokenTime.text(token.issuedAt), token.expiresAt.map(ProjectTokenTime.text) ?? "<none>"])
            }
            print(table.text, terminator: "")
        }
    }
}
