import ArgumentParser
import KubeModel
import Projects

/// `wharf proj role add-policy`: one more `p, ...` line for a role.
struct ProjectRoleAddPolicyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-policy", abstract: "Add a policy to a project role.",
        discussion: """
            The policy reads 'p, proj:PROJECT:ROLE, RESOURCE, ACTION, PROJECT/OBJECT, PERMISSION'. Example:
              wharf proj role add-policy team-a ci -a sync -p allow -o '*'
            """)

    /// The resources a project role's policy may name, as upstream's `rbac.ProjectScoped`.
    private static let projectScopedResources: Set = ["applications", "applicationsets", "logs", "exec", "clusters", "repositories"]

    @OptionGroup var core: CoreModeOptions

    @Argument(help: "The project name.")
    var project: String

    @Argument(help: "The role name.")
    var role: String

    @Option(name: [.customShort("a"), .customLong("action")], help: "Action to grant/deny permission on (e.g. get, create, list, update, delete, sync).")
    var action: String

    @Option(name: [.customShort("p"), .customLong("permission")], help: "Whether to allow or deny access to object with the action: allow or deny.")
    var permission = "allow"

    @Option(name: [.customShort("o"), .customLong("object")], help: "Object within the project to grant/deny access ('*' for all); the policy names PROJECT/OBJECT.")
    var object: String

    @Option(name: [.customShort("r"), .customLong("resource")], help: "Resource, such as applications, applicationsets, logs, exec, clusters or repositories.")
    var resource = "applications"

    func validate() throws {
        guard Self.projectScopedResources.contains(resource) else {
            throw ValidationError("--resource \(resource) is not project-scoped; use one of \(Self.projectScopedResources.sorted().joined(separator: ", "))")
        }
        guard permission == "allow" || permission == "deny" else { throw ValidationError("--permission must be allow or deny, got \(permission)") }
    }

    func run() async throws {
        try await reportingFailures {
            let policy = "p, \(ProjectRole.subject(project: project, role: role)), \(resource), \(action), \(project)/\(object), \(permission)"
            try await core.withClient { client in
                try await ArgoObjectStore.projects(client: client, namespace: core.namespace).edit(project) { project in
                    let index = try ProjectRoleLookup.index(of: role, in: project)
                    var roles = project[path: "spec", "roles"]?.arrayValue ?? []
                    let policies = roles[index]["policies"]?.arrayValue ?? []
                    guard !policies.contains(.string(policy)) else { return }
                    roles[index]["policies"] = .array(policies + [.string(policy)])
                    project[path: "spec", "roles"] = .array(roles)
                }
            }
        }
    }
}
