import KubeModel

/// The cluster's RBAC objects, indexed for authorizing requests without scanning: roles by name, and
/// bindings by the subjects they grant to, per namespace. Kept up to date from the store's watch events.
struct RBACPolicy: Sendable {
    /// The storage keys of the four RBAC resources.
    static let roles = "roles.rbac.authorization.k8s.io"
    static let roleBindings = "rolebindings.rbac.authorization.k8s.io"
    static let clusterRoles = "clusterroles.rbac.authorization.k8s.io"
    static let clusterRoleBindings = "clusterrolebindings.rbac.authorization.k8s.io"
    static let storages = [roles, roleBindings, clusterRoles, clusterRoleBindings]

    /// Rules by `namespace/name` for Roles, by name for ClusterRoles.
    private var roleRules: [String: [PolicyRule]] = [:]
    private var clusterRoleRules: [String: [PolicyRule]] = [:]
    /// Every binding, by its key, so that a change can take its old subjects out of the index.
    private var bindings: [ObjectKey: RBACBinding] = [:]
    /// Binding keys by namespace (empty for ClusterRoleBindings) and subject, each list in key order so
    /// that decisions and their reasons do not depend on hashing.
    private var bindingsBySubject: [String: [RBACSubject: [ObjectKey]]] = [:]

    /// Applies one change to an RBAC object; changes to other resources are ignored.
    mutating func apply(_ event: WatchEvent) {
        let key = event.key
        let object: JSONValue? = event.type == .deleted ? nil : event.object.object()
        switch key.storage {
        case Self.roles: roleRules["\(key.namespace)/\(key.name)"] = object.map(PolicyRule.rules(of:))
        case Self.clusterRoles: clusterRoleRules[key.name] = object.map(PolicyRule.rules(of:))
        case Self.roleBindings, Self.clusterRoleBindings:
            setBinding(key, object.flatMap { RBACBinding($0, namespace: key.namespace) })
        default: break
        }
    }

    /// Forgets every object of one RBAC resource, before it is listed again.
    mutating func removeAll(storage: String) {
        switch storage {
        case Self.roles: roleRules = [:]
        case Self.clusterRoles: clusterRoleRules = [:]
        default:
            for key in bindings.keys where key.storage == storage { setBinding(key, nil) }
        }
    }

    private mutating func setBinding(_ key: ObjectKey, _ binding: RBACBinding?) {
        if let old = bindings.removeValue(forKey: key) {
            for subject in Set(old.subjects) { bindingsBySubject[key.namespace]?[subject]?.removeAll { $0 == key } }
        }
        guard let binding else { return }
        bindings[key] = binding
        for subject in Set(binding.subjects) {
            var keys = bindingsBySubject[key.namespace, default: [:]][subject, default: []]
            keys.insert(key, at: keys.firstIndex { $0 > key } ?? keys.endIndex)
            bindingsBySubject[key.namespace, default: [:]][subject] = keys
        }
    }

    /// Decides a request as Kubernetes' RBAC authorizer does: ClusterRoleBindings first, then the
    /// RoleBindings of the request's namespace; the first rule that allows it wins.
    func authorize(_ request: AuthorizationAttributes) -> AuthorizationDecision {
        var errors: [String] = []
        var allowedBy: String?
        visitRules(of: request.user, in: request.namespace, errors: &errors) { binding, subject, rules in
            guard rules.contains(where: { $0.allows(request) }) else { return true }
            allowedBy = binding.describe(through: subject)
            return false
        }
        if let allowedBy { return AuthorizationDecision(allowed: true, reason: "RBAC: allowed by \(allowedBy)") }
        return AuthorizationDecision(allowed: false, reason: errors.isEmpty ? "" : "RBAC: \(Self.aggregate(errors))")
    }

    /// Every rule that applies to `user` in `namespace` (`kubectl auth can-i --list`), and why the list
    /// may be incomplete (bindings naming missing roles).
    func rules(of user: UserInfo, in namespace: String) -> (rules: [PolicyRule], incompleteBecause: String?) {
        var errors: [String] = []
        var rules: [PolicyRule] = []
        visitRules(of: user, in: namespace, errors: &errors) { _, _, bound in
            rules += bound
            return true
        }
        return (rules, errors.isEmpty ? nil : Self.aggregate(errors))
    }

    /// Calls `visit` with the rules of each binding that grants `user` a role, ClusterRoleBindings
    /// first, then RoleBindings in `namespace`, until `visit` returns false; notes bindings whose role
    /// is missing in `errors`.
    private func visitRules(
        of user: UserInfo, in namespace: String, errors: inout [String],
        _ visit: (_ binding: RBACBinding, _ subject: RBACSubject, _ rules: [PolicyRule]) -> Bool
    ) {
        let subjects = RBACSubject.subjects(of: user)
        for scope in namespace.isEmpty ? [""] : ["", namespace] {
            guard let index = bindingsBySubject[scope] else { continue }
            var candidates: [ObjectKey] = []
            for subject in subjects { candidates += index[subject] ?? [] }
            for key in Set(candidates).sorted() {
                guard let binding = bindings[key], let subject = binding.subjects.first(where: subjects.contains) else { continue }
                let rules = binding.grantsClusterRole ? clusterRoleRules[binding.roleName] : roleRules["\(scope)/\(binding.roleName)"]
                guard let rules else {
                    errors.append(binding.missingRoleMessage)
                    continue
                }
                guard visit(binding, subject, rules) else { return }
            }
        }
    }

    /// Several errors as Kubernetes' error aggregates print them: one alone, several in brackets, each once.
    private static func aggregate(_ errors: [String]) -> String {
        var seen: Set<String> = []
        let distinct = errors.filter { seen.insert($0).inserted }
        return distinct.count == 1 ? distinct[0] : "[\(distinct.joined(separator: ", "))]"
    }
}
