import ArgumentParser
import KubeModel

/// `wharf proj role delete-token`: revokes a role's token by its issue time.
struct ProjectRoleDeleteTokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete-token", abstract: "Delete a project token.",
        discussion: "ISSUED-AT is the token's iat in Unix seconds, as 'wharf proj role get PROJECT ROLE' lists it.",
        aliases: ["token-delete", "remove-token"])

    @OptionGroup var core: CoreModeOptions

    @Argument(help: "The project name.")
    var project: String

    @Argument(help: "The role name.")
    var role: String

    @Argument(help: "The token's issue time (Unix seconds).")
    var issuedAt: Int64

    func run() async throws {
        try await reportingFailures {
            _ = try await core.withClient { client in
                try await ArgoObjectStore.projects(client: client, namespace: core.namespace).edit(project) { object in
                    let index = try ProjectRoleLookup.index(of: role, in: object)
                    var roles = object[path: "spec", "roles"]?.arrayValue ?? []
                    let records = roles[index]["jwtTokens"]?.arrayValue ?? []
                    let kept = records.filter { $0["iat"]?.int64Value != issuedAt }
                    guard kept.count < records.count else {
                        throw CommandFailure("role \(role) of project \(project) has no token issued at \(issuedAt); see 'wharf proj role get \(project) \(role)'")
                    }
                    roles[index]["jwtTokens"] = .array(kept)
                    object[path: "spec", "roles"] = .array(roles)
                }
            }
        }
    }
}
