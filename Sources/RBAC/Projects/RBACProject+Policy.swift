extension RBACProject {
    /// The subject policies name a project role by.
    public static func subject(project: String, role: String) -> String {
        "proj:\(project):\(role)"
    }

    /// The rules the project adds while a request concerns it: each role may `get` the project, and
    /// each role's own `p` lines about the project's objects. Lines naming another subject or another
    /// project's objects, and lines that do not parse, are ignored: a project's roles speak for that
    /// project only, which upstream's project admission enforces.
    var runtimeRules: [PolicyRule] {
        roles.flatMap { role in
            let subject = Self.subject(project: name, role: role.name)
            let own = role.policies.compactMap(PolicyRule.init(line:)).filter { $0.subject == subject && $0.object.hasPrefix("\(name)/") }
            return [PolicyRule(subject: subject, resource: "projects", action: "get", object: name)] + own
        }
    }

    /// `g, <group>, proj:<project>:<role>` for each group of each role.
    var runtimeAssignments: [RoleAssignment] {
        roles.flatMap { role in
            role.groups.filter { !$0.isEmpty }.map { RoleAssignment(member: $0, role: Self.subject(project: name, role: role.name)) }
        }
    }
}
