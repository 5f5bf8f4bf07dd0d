import KubeModel

/// A RoleBinding or ClusterRoleBinding as the authorizer needs it: the role it grants and to whom.
struct RBACBinding: Sendable, Equatable {
    /// The binding's name.
    var name: String
    /// The binding's namespace; empty for a ClusterRoleBinding.
    var namespace: String
    /// Whether `roleName` is a ClusterRole (otherwise a Role in `namespace`).
    var grantsClusterRole: Bool
    /// The role's name.
    var roleName: String
    /// The subjects, in the binding's order.
    var subjects: [RBACSubject]

    /// Reads a binding object; nil when its `roleRef` names no role kind.
    init?(_ object: JSONValue, namespace: String) {
        guard let name = object[path: ["metadata", "name"]]?.stringValue,
            let kind = object[path: ["roleRef", "kind"]]?.stringValue, kind == "ClusterRole" || kind == "Role",
            let roleName = object[path: ["roleRef", "name"]]?.stringValue
        else { return nil }
        self.name = name
        self.namespace = namespace
        self.grantsClusterRole = kind == "ClusterRole"
        self.roleName = roleName
        self.subjects = (object["subjects"]?.arrayValue ?? []).compactMap { RBACSubject($0, bindingNamespace: namespace) }
    }

    /// How RBAC names the binding in its reasons, granted through `subject`.
    func describe(through subject: RBACSubject) -> String {
        let role = "\(grantsClusterRole ? "ClusterRole" : "Role") \"\(roleName)\""
        return namespace.isEmpty
            ? "ClusterRoleBinding \"\(name)\" of \(role) to \(subject)"
            : "RoleBinding \"\(name)/\(namespace)\" of \(role) to \(subject)"
    }

    /// The error RBAC reports for a binding whose role does not exist.
    var missingRoleMessage: String {
        grantsClusterRole
            ? "clusterrole.rbac.authorization.k8s.io \"\(roleName)\" not found"
            : "role.rbac.authorization.k8s.io \"\(roleName)\" not found"
    }
}
