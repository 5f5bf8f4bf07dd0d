/// What every subject holds in one situation: under the global policy, or with one project's roles
/// added while a request concerns that project (upstream loads a project's roles only then).
struct PolicyView: Sendable {
    /// The subjects that hold any rule. In a project view only those the project changes; the others
    /// hold what the global view says.
    let subjects: [String: SubjectRules]
    /// The members of the view's `g` lines: a caller's group counts only when some line assigns it a
    /// role, as upstream checks only such groups.
    let members: Set<String>

    /// What the default role (`policy.default`) holds in this view.
    let defaultRules: SubjectRules?

    /// The global view.
    init(_ graph: RoleGraph, assignments: [RoleAssignment], defaultRole: String?) {
        self.init(graph, subjects: graph.subjects, assignments: assignments, defaultRole: defaultRole, otherwise: nil)
    }

    /// The view of a project whose runtime lines `graph` already holds.
    init(_ graph: RoleGraph, project: RBACProject, global: PolicyView, defaultRole: String?) {
        let assignments = project.runtimeAssignments
        let changed = Set(project.runtimeRules.map(\.subject)).union(assignments.map(\.member))
        self.init(graph, subjects: graph.holders(of: changed), assignments: assignments, defaultRole: defaultRole, otherwise: global.defaultRules)
    }

    private init(_ graph: RoleGraph, subjects: Set<String>, assignments: [RoleAssignment], defaultRole: String?, otherwise: SubjectRules?) {
        var rules: [String: SubjectRules] = [:]
        for subject in subjects {
            let held = graph.rules(of: subject)
            if !held.isEmpty { rules[subject] = SubjectRules(held) }
        }
        self.subjects = rules
        members = Set(assignments.map(\.member))
        defaultRules = defaultRole.flatMap { rules[$0] } ?? otherwise
    }
}
