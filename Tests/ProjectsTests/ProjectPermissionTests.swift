import KubeModel
import Projects
import Testing

@Suite("AppProject permissions")
struct ProjectPermissionTests {
    private func project(_ spec: JSONValue) throws -> AppProject {
        AppProject(object: try KubeObject(["apiVersion": "argoproj.io/v1alpha1", "kind": "AppProject", "metadata": ["name": "team-a"], "spec": spec]))
    }

    @Test("source repositories: globs allow, ! patterns deny, .git and trailing slashes do not matter")
    func sourceRepositories() throws {
        let team = try project(["sourceRepos": ["https://git.example.com/team-a/*", "!https://git.example.com/team-a/secret*"]])
        #expect(team.permitsSource("https://git.example.com/team-a/web.git"))
        #expect(team.permitsSource("https://git.example.com/team-a/web/"))
        #expect(!team.permitsSource("https://git.example.com/team-a/secret-stuff"))
        #expect(!team.permitsSource("https://git.example.com/team-b/web"))
        #expect(try project(["sourceRepos": ["*"]]).permitsSource("file:///anything"))
        #expect(!(try project([:]).permitsSource("https://git.example.com/team-a/web")))
    }

    @Test("destinations match by server or name and namespace; ! entries deny")
    func destinations() throws {
        let team = try project([
            "destinations": [
                ["server": "https://prod.example.com", "namespace": "team-a-*"],
                ["name": "staging", "namespace": "*"],
                ["server": "*", "namespace": "!kube-system"],
            ]
        ])
        #expect(team.permitsDestination(ProjectDestination(server: "https://prod.example.com", name: "prod", namespace: "team-a-web")))
        #expect(!team.permitsDestination(ProjectDestination(server: "https://prod.example.com", name: "prod", namespace: "kube-system")))
        #expect(team.permitsDestination(ProjectDestination(server: "https://staging.example.com", name: "staging", namespace: "anything")))
        let narrow = try project(["destinations": [["server": "https://prod.example.com", "namespace": "team-a"]]])
        #expect(!narrow.permitsDestination(ProjectDestination(server: "https://other.example.com", name: "other", namespace: "team-a")))
        #expect(!narrow.permitsDestination(ProjectDestination(server: "https://prod.example.com", name: "prod", namespace: "team-b")))
    }

    @Test("cluster-scoped kinds need the whitelist; namespaced kinds only avoid the blacklist")
    func kinds() throws {
        let team = try project([
            "clusterResourceWhitelist": [["group": "", "kind": "Namespace"]],
            "namespaceResourceBlacklist": [["group": "", "kind": "ResourceQuota"], ["group": "networking.k8s.io", "kind": "*"]],
        ])
        #expect(team.permitsKind(group: "", kind: "Namespace", namespaced: false))
        #expect(!team.permitsKind(group: "rbac.authorization.k8s.io", kind: "ClusterRole", namespaced: false))
        #expect(team.permitsKind(group: "apps", kind: "Deployment", namespaced: true))
        #expect(!team.permitsKind(group: "", kind: "ResourceQuota", namespaced: true))
        #expect(!team.permitsKind(group: "networking.k8s.io", kind: "NetworkPolicy", namespaced: true))
        let whitelisted = try project(["namespaceResourceWhitelist": [["group": "", "kind": "ConfigMap"]]])
        #expect(whitelisted.permitsKind(group: "", kind: "ConfigMap", namespaced: true))
        #expect(!whitelisted.permitsKind(group: "apps", kind: "Deployment", namespaced: true))
    }

    @Test("destination service accounts: first match, bare names live in the destination namespace")
    func serviceAccounts() throws {
        let team = try project([
            "destinationServiceAccounts": [
                ["server": "https://kubernetes.default.svc", "namespace": "team-a", "defaultServiceAccount": "deployer"],
                ["server": "*", "namespace": "*", "defaultServiceAccount": "argocd:fallback"],
            ]
        ])
        #expect(team.impersonatedServiceAccount(for: ProjectDestination(server: "https://kubernetes.default.svc", namespace: "team-a")) == "system:serviceaccount:team-a:deployer")
        #expect(team.impersonatedServiceAccount(for: ProjectDestination(server: "https://x", namespace: "b")) == "system:serviceaccount:argocd:fallback")
    }
}
