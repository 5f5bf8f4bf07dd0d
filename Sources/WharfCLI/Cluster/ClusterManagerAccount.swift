import Foundation
import KubeClient
import KubeModel

/// The ServiceAccount through which Wharf manages a cluster, installed as upstream's `argocd cluster add`
/// installs it: `argocd-manager` in the system namespace, bound to a ClusterRole allowing everything,
/// with a long-lived token Secret whose token the cluster's token controller fills.
struct ClusterManagerAccount {
    static let defaultName = "argocd-manager"
    static let roleName = "argocd-manager-role"
    static let bindingName = "argocd-manager-role-binding"

    private static let serviceAccounts = GroupVersionResource(group: "", version: "v1", resource: "serviceaccounts")
    private static let clusterRoles = GroupVersionResource(group: "rbac.authorization.k8s.io", version: "v1", resource: "clusterroles")
    private static let clusterRoleBindings = GroupVersionResource(group: "rbac.authorization.k8s.io", version: "v1", resource: "clusterrolebindings")

    /// The target cluster.
    let client: KubeClient
    /// The kubeconfig context naming it, for messages.
    let context: String
    /// Where the ServiceAccount lives (`--system-namespace`).
    let namespace: String
    /// The ServiceAccount's name.
    let name: String
    /// How long the token controller may take to fill the token.
    var tokenTimeout: Duration = .seconds(30)

    /// The token Secret's name.
    var tokenSecretName: String { "\(name)-long-lived-token" }

    /// Creates (or brings up to date) the ServiceAccount, unless it was given, and with `createRBAC` the
    /// ClusterRole and its binding; then the token Secret. Every step may run again without harm.
    /// - Returns: The ServiceAccount's bearer token.
    func install(createServiceAccount: Bool) async throws -> String {
        if createServiceAccount {
            try await ensure(Self.serviceAccounts, namespace: namespace, name: name, report: "ServiceAccount \"\(name)\" in namespace \"\(namespace)\"") { live in
                live ?? KubeObject(apiVersion: "v1", kind: "ServiceAccount", name: name, namespace: namespace)
            }
            try await ensure(Self.clusterRoles, namespace: nil, name: Self.roleName, report: "ClusterRole \"\(Self.roleName)\"") { live in
                var role = live ?? KubeObject(apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", name: Self.roleName)
                role["rules"] = [
                    ["apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]],
                    ["nonResourceURLs": ["*"], "verbs": ["*"]],
                ]
                return role
            }
            try await ensure(Self.clusterRoleBindings, namespace: nil, name: Self.bindingName, report: "ClusterRoleBinding \"\(Self.bindingName)\"") { live in
                var binding = live ?? KubeObject(apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", name: Self.bindingName)
                binding["roleRef"] = ["apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": .string(Self.roleName)]
                binding["subjects"] = [["kind": "ServiceAccount", "name": .string(name), "namespace": .string(namespace)]]
                return binding
            }
        } else {
            do {
                _ = try await client.get(Self.serviceAccounts, namespace: namespace, name: name)
            } catch {
                guard error.category == .notFound else { throw error }
                throw CommandFailure("--service-account \(name): no such ServiceAccount in namespace \(namespace) on context \"\(context)\"; create it or leave the flag out")
            }
        }
        try await ensure(ClusterSecretStore.secrets, namespace: namespace, name: tokenSecretName, report: "Secret \"\(tokenSecretName)\" in namespace \"\(namespace)\"") { live in
            // An existing Secret keeps its token; only a missing one is created.
            if let live { return live }
            var secret = KubeObject(apiVersion: "v1", kind: "Secret", name: tokenSecretName, namespace: namespace)
            secret["type"] = "kubernetes.io/service-account-token"
            secret.setAnnotation("kubernetes.io/service-account.name", name)
            return secret
        }
        return try await waitForToken()
    }

    /// Creates or updates one object, telling the user which happened on standard error.
    private func ensure(
        _ resource: GroupVersionResource, namespace: String?, name: String, report: String, _ desired: @Sendable @escaping (KubeObject?) -> KubeObject
    ) async throws {
        let result: ApplyResult?
        do {
            result = try await client.createOrUpdate(resource, namespace: namespace, name: name) { live in desired(live) }
        } catch {
            throw CommandFailure("cannot create \(report) on context \"\(context)\": \(error)")
        }
        let verb = switch result?.outcome {
        case .created: "created"
        case .configured: "updated"
        default: "already exists"
        }
        FileHandle.standardError.write(Data("\(report) \(verb)\n".utf8))
    }

    /// Polls the token Secret until its token is filled, up to ``tokenTimeout``.
    private func waitForToken() async throws -> String {
        let deadline = ContinuousClock.now + tokenTimeout
        while true {
            let secret = try await client.get(ClusterSecretStore.secrets, namespace: namespace, name: tokenSecretName)
            if let token = ClusterSecretStore.value(secret, "token"), !token.isEmpty { return token }
            guard ContinuousClock.now < deadline else {
                throw CommandFailure(
                    "the token of Secret \(namespace)/\(tokenSecretName) on context \"\(context)\" was not filled within \(tokenTimeout); "
                        + "check that the cluster's token controller runs (kube-controller-manager) and that ServiceAccount \(name) exists")
            }
            try await Task.sleep(for: .milliseconds(200))
        }
    }
}
