import Projects
public import RBAC

/// RBAC decisions for callers: `argocd-rbac-cm`'s policy with the built-in roles, plus every
/// project's roles, compiled once per settings change.
public struct Authorizer: Sendable {
    private let enforcer: RBACEnforcer
    /// The token claims SSO groups are read from (`scopes`, default `[groups]`).
    public let scopes: [String]
    /// Problems in the policy (bad lines are skipped; the rest applies).
    public let problems: [RBACPolicyError]

    init(rbacConfigMap: [String: String], projects: [AppProject]) {
        let policy = RBACPolicy(configMapData: rbacConfigMap)
        let roles = projects.map { project in
            RBACProject(name: project.name, roles: project.roles.map { RBACProjectRole(name: $0.name, policies: $0.policies, groups: $0.groups) })
        }
        enforcer = RBACEnforcer(policy: policy, projects: roles)
        scopes = policy.scopes
        problems = policy.problems
    }

    /// Whether `caller` may do `action` on `resource` object `object`. No caller (anonymous access
    /// off) may do nothing; an anonymous one has `policy.default` alone.
    public func allows(_ caller: Caller?, resource: String, action: String, object: String) -> Bool {
        guard let caller else { return false }
        return enforcer.enforce(subject: caller.subject, groups: caller.groups, resource: resource, action: action, object: object)
    }

    /// Throws upstream's `permission denied` error unless ``allows(_:resource:action:object:)``.
    func check(_ caller: Caller?, resource: String, action: String, object: String) throws(APIError) {
        guard let caller else { throw APIError.unauthenticated() }
        guard allows(caller, resource: resource, action: action, object: object) else {
            throw APIError.forbidden("permission denied: \(resource), \(action), \(object), sub: \(caller.subject)")
        }
    }
}
