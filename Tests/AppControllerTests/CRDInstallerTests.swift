import ClusterTestSupport
import AppController
import KubeClient
import KubeModel
import Testing

/// Installing the definitions and the default project on a fresh cluster, and again on an installed one.
@Suite struct CRDInstallerTests {
    @Test func installServesBothKindsAndCreatesTheDefaultProject() async throws {
        try await RunningCluster.withArgoCD { _, client in
            for name in ["applications.argoproj.io", "appprojects.argoproj.io"] {
                let definition = try await client.get(ArgoCRDs.customResourceDefinitions, name: name)
                let conditions = definition[path: "status", "conditions"]?.arrayValue ?? []
                #expect(conditions.contains { $0["type"] == "Established" && $0["status"] == "True" }, "\(name): \(conditions)")
            }
            let project = try await client.get(ArgoCRDs.appProjects, namespace: RunningCluster.argoNamespace, name: "default")
            #expect(project[path: "spec", "sourceRepos"] == ["*"])
            #expect(project[path: "spec", "destinations"] == [["server": "*", "namespace": "*"]])
            #expect(project[path: "spec", "clusterResourceWhitelist"] == [["group": "*", "kind": "*"]])
        }
    }

    @Test func installingAgainChangesNothingAndKeepsTheUsersProjectEdits() async throws {
        try await RunningCluster.withArgoCD { _, client in
            let namespace = RunningCluster.argoNamespace
            let before = try await definitionVersions(client)
            let restricted: JSONValue = ["spec": ["sourceRepos": ["https://git.example.com/team/*"], "description": "team only"]]
            _ = try await client.patch(ArgoCRDs.appProjects, namespace: namespace, name: "default", type: .merge, restricted)

            let installer = CRDInstaller()
            try await installer.install(using: client)
            try await installer.ensureDefaultProject(namespace: namespace, using: client)

            #expect(try await definitionVersions(client) == before)
            let project = try await client.get(ArgoCRDs.appProjects, namespace: namespace, name: "default")
            #expect(project[path: "spec", "sourceRepos"] == ["https://git.example.com/team/*"])
            #expect(project[path: "spec", "description"] == "team only")
        }
    }

    @Test func aDeletedDefaultProjectComesBack() async throws {
        try await RunningCluster.withArgoCD { _, client in
            let namespace = RunningCluster.argoNamespace
            _ = try await client.delete(ArgoCRDs.appProjects, namespace: namespace, name: "default")
            try await CRDInstaller().ensureDefaultProject(namespace: namespace, using: client)
            let project = try await client.get(ArgoCRDs.appProjects, namespace: namespace, name: "default")
            #expect(project[path: "spec", "sourceRepos"] == ["*"])
        }
    }

    private func definitionVersions(_ client: KubeClient) async throws -> [String?] {
        var versions: [String?] = []
        for definition in ArgoCRDs.all {
            let name = definition[path: ["metadata", "name"]]?.stringValue ?? ""
            versions.append(try await client.get(ArgoCRDs.customResourceDefinitions, name: name).resourceVersion)
        }
        return versions
    }
}
