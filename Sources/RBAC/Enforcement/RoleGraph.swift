/// Subjects, the roles they hold (`g` lines) and the rules written for them (`p` lines), used while
/// an enforcer is built to work out what every subject holds through its roles.
struct RoleGraph {
    private var roles: [String: [String]] = [:]
    private var holders: [String: [String]] = [:]
    private var direct: [String: [CompiledRule]] = [:]

    /// Every subject that has a rule or a role.
    var subjects: Set<String> {
        Set(direct.keys).union(roles.keys)
    }

    mutating func add(_ rules: [PolicyRule], mode: RBACMatchMode) {
        for rule in rules {
            direct[rule.subject, default: []].append(CompiledRule(rule, mode: mode))
        }
    }

    mutating func add(_ assignments: [RoleAssignment]) {
        for assignment in assignments {
            roles[assignment.member, default: []].append(assignment.role)
            holders[assignment.role, default: []].append(assignment.member)
        }
    }

    /// The rules of `subject` and of every role it holds, however indirectly; a cycle of roles ends
    /// where it comes back.
    func rules(of subject: String) -> [CompiledRule] {
        reachable(from: [subject], along: roles).flatMap { direct[$0] ?? [] }
    }

    /// `subjects` and everyone who holds one of them, however indirectly.
    func holders(of subjects: Set<String>) -> Set<String> {
        Set(reachable(from: Array(subjects), along: holders))
    }

    private func reachable(from start: [String], along edges: [String: [String]]) -> [String] {
        var seen = Set(start)
        var order = start
        var index = 0
        while index < order.count {
            for next in edges[order[index]] ?? [] where seen.insert(next).inserted {
                order.append(next)
            }
            index += 1
        }
        return order
    }
}
