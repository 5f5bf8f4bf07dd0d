import APIServer
import ArgumentParser
import Foundation
import KubeModel
import Projects

/// `wharf proj role create-token`: a JWT for a role, signed with the server's key and recorded in
/// the role's `jwtTokens` (deleting the record revokes it).
struct ProjectRoleCreateTokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-token", abstract: "Create a project token.",
        discussion: "Signs with server.secretkey of Secret argocd-secret, creating the key when the namespace has none.",
        aliases: ["token-create"])

    @OptionGroup var core: CoreModeOptions

    @Argument(help: "The project name.")
    var project: String

    @Argument(help: "The role name.")
    var role: String

    @Option(name: [.customShort("e"), .customLong("expires-in")], help: "Duration before the token will expire, e.g. \"12h\", \"7d\" (default: no expiration).")
    var expiresIn: String?

    @Option(name: [.customShort("i"), .customLong("id")], help: "Token unique identifier (default: a random UUID).")
    var id: String?

    @Flag(name: [.customShort("t"), .customLong("token-only")], help: "Output token only - for use in scripts.")
    var tokenOnly = false

    func validate() throws {
        if let expiresIn, Self.seconds(expiresIn) == nil {
            throw ValidationError("--expires-in \(expiresIn) is not a duration; write one such as 12h, 30m or 7d")
        }
    }

    func run() async throws {
        try await reportingFailures {
            let lifetime = expiresIn.flatMap(Self.seconds).flatMap { $0 > 0 ? Duration.seconds($0) : nil }
            let tokenID = id.flatMap { $0.isEmpty ? nil : $0 } ?? UUID().uuidString.lowercased()
            let token = try await core.withClient { client in
                let store = ArgoObjectStore.projects(client: client, namespace: core.namespace)
                // Refuse an unknown role before a signing key is made for it.
                _ = try ProjectRoleLookup.index(of: role, in: try await store.get(project))
                let key = try await ServerSigningKey.load(client: client, namespace: core.namespace)
                let issued = ProjectToken.issue(project: project, role: role, id: tokenID, expiresIn: lifetime, key: key)
                try await store.edit(project) { object in
                    let index = try ProjectRoleLookup.index(of: role, in: object)
                    var roles = object[path: "spec", "roles"]?.arrayValue ?? []
                    let records = roles[index]["jwtTokens"]?.arrayValue ?? []
                    if records.contains(where: { $0["id"]?.stringValue == tokenID }) {
                        throw CommandFailure("role \(role) of project \(project) already has a token with id \(tokenID); choose another --id")
                    }
                    roles[index]["jwtTokens"] = .array(records + [issued.record.json])
                    object[path: "spec", "roles"] = .array(roles)
                }
                return issued
            }
            if tokenOnly {
                print(token.token)
                return
            }
            print("Create token succeeded for \(ProjectRole.subject(project: project, role: role)).")
            print("  ID: \(tokenID)")
            print("  Issued At: \(ProjectTokenTime.text(token.record.issuedAt))")
            print("  Expires At: \(ProjectTokenTime.text(token.record.expiresAt ?? 0))")
            print("  Token: \(token.token)")
        }
    }

    /// Whole seconds of a Go duration, or of upstream's day form (`7d`).
    private static func seconds(_ text: String) -> Int64? {
        if text.hasSuffix("d"), let days = Int64(text.dropLast()), days >= 0 { return days * 86_400 }
        return GoDuration.seconds(text).flatMap { $0 >= 0 ? Int64($0) : nil }
    }
}
