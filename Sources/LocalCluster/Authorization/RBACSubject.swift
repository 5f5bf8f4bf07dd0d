import KubeModel

/// Someone a RoleBinding or ClusterRoleBinding grants a role to, in the form requests look bindings up by.
enum RBACSubject: Hashable, Sendable, CustomStringConvertible {
    case user(String)
    case group(String)
    case serviceAccount(namespace: String, name: String)

    /// The user names service accounts authenticate as.
    private static let serviceAccountPrefix = "system:serviceaccount:"

    /// The subjects `user` is: the user, each group, and the service account its name denotes.
    static func subjects(of user: UserInfo) -> Set<RBACSubject> {
        var subjects: Set<RBACSubject> = [.user(user.name)]
        for group in user.groups { subjects.insert(.group(group)) }
        if user.name.hasPrefix(serviceAccountPrefix) {
            let parts = user.name.dropFirst(serviceAccountPrefix.count).split(separator: ":", omittingEmptySubsequences: false)
            if parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty {
                subjects.insert(.serviceAccount(namespace: String(parts[0]), name: String(parts[1])))
            }
        }
        return subjects
    }

    /// A binding's subject entry; a service account without a namespace is in the binding's namespace,
    /// and one that still has none (in a ClusterRoleBinding) matches nobody, as upstream has it.
    init?(_ subject: JSONValue, bindingNamespace: String) {
        guard let name = subject["name"]?.stringValue, !name.isEmpty else { return nil }
        switch subject["kind"]?.stringValue {
        case "User": self = .user(name)
        case "Group": self = .group(name)
        case "ServiceAccount":
            let namespace = subject["namespace"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? bindingNamespace
            guard !namespace.isEmpty else { return nil }
            self = .serviceAccount(namespace: namespace, name: name)
        default: return nil
        }
    }

    /// How RBAC names the subject in its reasons: `User "jane"`, `ServiceAccount "NAME/NAMESPACE"`.
    var description: String {
        switch self {
        case .user(let name): "User \"\(name)\""
        case .group(let name): "Group \"\(name)\""
        case .serviceAccount(let namespace, let name): "ServiceAccount \"\(name)/\(namespace)\""
        }
    }
}
