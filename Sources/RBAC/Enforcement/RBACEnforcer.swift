/// Decides whether a caller may do an action on an object, as Argo CD's API server does with the
/// built-in policy, `argocd-rbac-cm` and the AppProjects' roles. Built once per policy change, then
/// shared by every request: everything a subject holds through its roles is worked out up front,
/// so ``enforce(subject:groups:resource:action:object:)`` only looks up and matches.
public struct RBACEnforcer: Sendable {
    private let global: PolicyView
    private let projects: [Substring: PolicyView]

    /// Resources whose objects are `<project>/...`; a request about one also consults that project's
    /// roles, as does a request about the project itself (`projects`, object `<project>`).
    private static let projectScopedResources: Set<String> = ["applications", "applicationsets", "repositories", "clusters", "logs", "exec"]

    /// An enforcer for the built-in policy plus `policy`, and the roles of `projects`.
    public init(policy: RBACPolicy, projects: [RBACProject] = []) {
        var graph = RoleGraph()
        let assignments = RBACPolicy.builtin.roleAssignments + policy.roleAssignments
        graph.add(RBACPolicy.builtin.rules + policy.rules, mode: policy.matchMode)
        graph.add(assignments)
        let global = PolicyView(graph, assignments: assignments, defaultRole: policy.defaultRole)
        var views: [Substring: PolicyView] = [:]
        for project in Self.merged(projects) {
            var withProject = graph
            withProject.add(project.runtimeRules, mode: policy.matchMode)
            withProject.add(project.runtimeAssignments)
            views[project.name[...]] = PolicyView(withProject, project: project, global: global, defaultRole: policy.defaultRole)
        }
        self.global = global
        self.projects = views
    }

    /// Whether the caller may do `action` on `object` of `resource`.
    ///
    /// As upstream, the caller is allowed when one of these is: the default role (`policy.default`,
    /// held by every caller this is asked about, so ask only for callers the server lets in; an
    /// anonymous caller is `subject: ""` with no groups and gets exactly the default role), the
    /// subject itself, or one of its `groups` that some `g` line assigns a role. Each is judged on
    /// its own: some rule it holds (directly or through roles) matches and no such rule denies. So a
    /// denial held by one group does not take away what the user or another group is allowed.
    /// A project role subject (`proj:<project>:<role>`, a project token) speaks only about its own
    /// project's objects.
    /// - Parameters:
    ///   - subject: The user (the token's subject), or a project role subject.
    ///   - groups: The values of the token claims named by ``RBACPolicy/scopes``.
    ///   - object: `project/app` or `project/namespace/app` for applications, logs and exec;
    ///     `project/name` for application sets; the name for other resources.
    public func enforce(subject: String, groups: [String], resource: String, action: String, object: String) -> Bool {
        let project = Self.project(resource: resource, object: object)
        let view = project.flatMap { projects[$0] }
        if (view ?? global).defaultRules?.allow(resource: resource, action: action, object: object) == true { return true }
        if let view, let owner = Self.roleProject(subject) {
            return owner == project && rules(of: subject, in: view)?.allow(resource: resource, action: action, object: object) == true
        }
        if rules(of: subject, in: view)?.allow(resource: resource, action: action, object: object) == true { return true }
        for group in groups {
            guard let rules = rules(of: group, in: view), global.members.contains(group) || view?.members.contains(group) == true else { continue }
            if rules.allow(resource: resource, action: action, object: object) { return true }
        }
        return false
    }

    private func rules(of subject: String, in view: PolicyView?) -> SubjectRules? {
        view?.subjects[subject] ?? global.subjects[subject]
    }

    /// The project a request concerns, if any.
    private static func project(resource: String, object: String) -> Substring? {
        if resource == "projects" { return object[...] }
        guard projectScopedResources.contains(resource), let slash = object.utf8.firstIndex(of: UInt8(ascii: "/")) else { return nil }
        return object[..<slash]
    }

    /// `<project>` of a `proj:<project>:<role>` subject.
    private static func roleProject(_ subject: String) -> Substring? {
        let colon = UInt8(ascii: ":")
        guard subject.utf8.starts(with: "proj:".utf8) else { return nil }
        let rest = subject.utf8.dropFirst(5)
        guard let end = rest.firstIndex(of: colon), !rest[rest.index(after: end)...].contains(colon) else { return nil }
        return subject[rest.startIndex..<end]
    }

    /// Projects listed twice count once, with all their roles.
    private static func merged(_ projects: [RBACProject]) -> [RBACProject] {
        var order: [String] = []
        var roles: [String: [RBACProjectRole]] = [:]
        for project in projects {
            if roles[project.name] == nil { order.append(project.name) }
            roles[project.name, default: []] += project.roles
        }
        return order.map { RBACProject(name: $0, roles: roles[$0] ?? []) }
    }
}
