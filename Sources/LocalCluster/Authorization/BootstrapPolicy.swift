import KubeModel

/// The default ClusterRoles and ClusterRoleBindings every Kubernetes cluster starts with, as far as
/// they concern what this server serves: `cluster-admin` for `system:masters`, discovery, health and
/// version for every user, and self-reviews (`kubectl auth can-i`, `kubectl auth whoami`) for every
/// authenticated user. Created at start when missing, as kube-apiserver reconciles them.
enum BootstrapPolicy {
    /// Each object with the collection it is created in.
    static let objects: [(path: String, object: JSONValue)] = [
        clusterRole("cluster-admin", [
            ["apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]],
            ["nonResourceURLs": ["*"], "verbs": ["*"]],
        ]),
        clusterRoleBinding("cluster-admin", role: "cluster-admin", groups: [UserInfo.mastersGroup]),
        clusterRole("system:discovery", [
            ["nonResourceURLs": ["/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/openapi", "/openapi/*", "/readyz", "/version", "/version/"],
             "verbs": ["get"]],
        ]),
        clusterRoleBinding("system:discovery", role: "system:discovery", groups: [UserInfo.authenticatedGroup]),
        clusterRole("system:public-info-viewer", [
            ["nonResourceURLs": ["/healthz", "/livez", "/readyz", "/version", "/version/"], "verbs": ["get"]],
        ]),
        clusterRoleBinding(
            "system:public-info-viewer", role: "system:public-info-viewer", groups: [UserInfo.authenticatedGroup, UserInfo.unauthenticatedGroup]),
        clusterRole("system:basic-user", [
            ["apiGroups": ["authorization.k8s.io"], "resources": ["selfsubjectaccessreviews", "selfsubjectrulesreviews"], "verbs": ["create"]],
            ["apiGroups": ["authentication.k8s.io"], "resources": ["selfsubjectreviews"], "verbs": ["create"]],
        ]),
        clusterRoleBinding("system:basic-user", role: "system:basic-user", groups: [UserInfo.authenticatedGroup]),
    ]

    /// The label and annotation upstream's bootstrap roles carry.
    private static func metadata(_ name: String) -> JSONValue {
        [
            "name": .string(name), "labels": ["kubernetes.io/bootstrapping": "rbac-defaults"],
            "annotations": ["rbac.authorization.kubernetes.io/autoupdate": "true"],
        ]
    }

    private static func clusterRole(_ name: String, _ rules: [JSONValue]) -> (path: String, object: JSONValue) {
        let object: JSONValue = [
            "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": metadata(name), "rules": .array(rules),
        ]
        return ("/apis/rbac.authorization.k8s.io/v1/clusterroles", object)
    }

    private static func clusterRoleBinding(_ name: String, role: String, groups: [String]) -> (path: String, object: JSONValue) {
        let object: JSONValue = [
            "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding", "metadata": metadata(name),
            "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": .string(role)],
            "subjects": .array(groups.map { ["apiGroup": "rbac.authorization.k8s.io", "kind": "Group", "name": .string($0)] }),
        ]
        return ("/apis/rbac.authorization.k8s.io/v1/clusterrolebindings", object)
    }
}
