import Foundation
import Testing

/// RBAC in `wharf cluster start`, seen through the real kubectl as a user authenticated by a client
/// certificate made with openssl: denials worded as kube-apiserver words them, Roles and bindings that
/// grant access, and `kubectl auth can-i` / `whoami`.
@Suite(.mayBlock, .enabled(
    if: CommandRunner.which("kubectl") != nil && CommandRunner.which("openssl") != nil,
    "kubectl and openssl are needed for the authorization tests"))
struct ClusterAuthorizationTests {
    static let reader = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: configmap-reader
          namespace: default
        rules:
        - apiGroups: [""]
          resources: ["configmaps"]
          verbs: ["get", "list"]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: jane-reads-configmaps
          namespace: default
        subjects:
        - kind: User
          name: jane
          apiGroup: rbac.authorization.k8s.io
        roleRef:
          kind: Role
          name: configmap-reader
          apiGroup: rbac.authorization.k8s.io

        """

    @Test func aCertificateUserIsForbiddenUntilARoleBindingAllowsIt() throws {
        let cluster = try ClusterProcess()
        let directory = try TemporaryDirectory()
        let jane = try CertificateUser(name: "jane", groups: ["devs"], cluster: cluster, directory: directory)

        let denied = try cluster.kubectl(["get", "configmaps", "-n", "default"], kubeconfig: jane.kubeconfig)
        #expect(denied.exitCode != 0)
        #expect(
            denied.standardError.contains(
                #"Error from server (Forbidden): configmaps is forbidden: User "jane" cannot list resource "configmaps" in API group "" in the namespace "default""#),
            "\(denied.standardError)")
        // Discovery stays open to every authenticated user, so kubectl still knows the resources.
        #expect(try cluster.kubectl(["api-resources", "-o", "name"], kubeconfig: jane.kubeconfig).standardOutput.contains("configmaps"))

        _ = try cluster.kubectlOutput(["apply", "-f", "-"], input: Self.reader)
        try cluster.applyConfigMap("settings", namespace: "default")
        let allowed = try cluster.kubectl(["get", "configmaps", "-n", "default", "-o", "name"], kubeconfig: jane.kubeconfig)
        #expect(allowed.exitCode == 0 && allowed.standardOutput.contains("configmap/settings"), "\(allowed.standardError)")
        let create = try cluster.kubectl(["create", "configmap", "mine", "-n", "default"], kubeconfig: jane.kubeconfig)
        #expect(create.exitCode != 0)
        #expect(
            create.standardError.contains(#"configmaps is forbidden: User "jane" cannot create resource "configmaps" in API group "" in the namespace "default""#),
            "\(create.standardError)")
        // The Role is namespaced: other namespaces stay closed.
        #expect(try cluster.kubectl(["get", "configmaps", "-n", "kube-system"], kubeconfig: jane.kubeconfig).standardError.contains("Forbidden"))
    }

    @Test func canIAnswersForTheUserAndGroupsTheCertificateNames() throws {
        let cluster = try ClusterProcess()
        let directory = try TemporaryDirectory()
        let jane = try CertificateUser(name: "jane", groups: ["devs", "qa"], cluster: cluster, directory: directory)
        let whoami = try cluster.kubectl(["auth", "whoami"], kubeconfig: jane.kubeconfig)
        #expect(whoami.standardOutput.contains("jane") && whoami.standardOutput.contains("[devs qa system:authenticated]"), "\(whoami.standardOutput)")

        func canI(_ arguments: String...) throws -> String {
            let result = try cluster.kubectl(["auth", "can-i"] + arguments, kubeconfig: jane.kubeconfig)
            // kubectl exits 0 for yes and 1 for no; anything else is a failure to ask.
            #expect(result.exitCode == 0 || result.exitCode == 1, "\(result.standardError)")
            return result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(try canI("list", "configmaps", "-n", "default") == "no")
        _ = try cluster.kubectlOutput(["apply", "-f", "-"], input: Self.reader)
        // A ClusterRole bound to one of the certificate's organizations, cluster-wide.
        _ = try cluster.kubectlOutput(["create", "clusterrole", "deployment-scaler", "--verb=get,patch", "--resource=deployments/scale"])
        _ = try cluster.kubectlOutput(["create", "clusterrolebinding", "qa-scales", "--clusterrole=deployment-scaler", "--group=qa"])
        #expect(try canI("list", "configmaps", "-n", "default") == "yes")
        #expect(try canI("get", "configmaps/settings", "-n", "default") == "yes")
        #expect(try canI("create", "configmaps", "-n", "default") == "no")
        #expect(try canI("list", "configmaps", "-n", "kube-system") == "no")
        #expect(try canI("patch", "deployments", "--subresource=scale", "-n", "kube-system") == "yes")
        #expect(try canI("patch", "deployments", "-n", "kube-system") == "no")
        #expect(try canI("get", "/version") == "yes")

        let rules = try cluster.kubectl(["auth", "can-i", "--list", "-n", "default"], kubeconfig: jane.kubeconfig)
        #expect(rules.standardOutput.contains("configmaps") && rules.standardOutput.contains("[get list]"), "\(rules.standardOutput)")
        // The admin (the data directory's token) is in system:masters: everything is allowed.
        #expect(try cluster.kubectl(["auth", "can-i", "delete", "nodes"]).standardOutput.hasPrefix("yes"))
    }

    @Test func aBindingToAMissingRoleIsNamedInTheDenial() throws {
        let cluster = try ClusterProcess()
        let directory = try TemporaryDirectory()
        let jane = try CertificateUser(name: "jane", groups: ["devs"], cluster: cluster, directory: directory)
        _ = try cluster.kubectlOutput(["create", "rolebinding", "devs-edit", "--role=editor", "--group=devs", "-n", "default"])
        let denied = try cluster.kubectl(["create", "configmap", "mine", "-n", "default"], kubeconfig: jane.kubeconfig)
        #expect(denied.standardError.contains(#"RBAC: role.rbac.authorization.k8s.io "editor" not found"#), "\(denied.standardError)")
    }
}
