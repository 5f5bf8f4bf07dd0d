import AppController
import ClusterTestSupport
import Foundation
import KubeClient
import KubeModel
import RepoServer
import Testing

/// The seed's example end to end: an Application with automated prune and self-heal and
/// `CreateNamespace=true`, deploying a plain-manifest Git repository into the embedded cluster.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git"), "git is needed"), .timeLimit(.minutes(3)))
struct SeedApplicationTests {
    static let applications = GroupVersionResource(group: "argoproj.io", version: "v1alpha1", resource: "applications")
    static let deployments = GroupVersionResource(group: "apps", version: "v1", resource: "deployments")
    static let configMaps = GroupVersionResource(group: "", version: "v1", resource: "configmaps")

    private static func manifests(replicas: Int) -> [String: String] {
        [
            "deploy.yaml": """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: \(replicas)
                  selector:
                    matchLabels: {app: web}
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      containers:
                      - name: web
                        image: nginx:1.27
                """,
            "settings.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  color: blue\n",
            "extra.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\ndata:\n  size: large\n",
        ]
    }

    /// Polls (test-side only) until `condition` holds for the Application, or fails after `timeout`.
    private func waitFor(
        _ what: String, client: KubeClient, timeout: Duration = .seconds(60), _ condition: (KubeObject) async throws -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + timeout
        var last: KubeObject?
        while ContinuousClock.now < deadline {
            last = try? await client.get(Self.applications, namespace: "argocd", name: "argocd-application")
            if let last, try await condition(last) { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("timed out waiting for \(what); status: \(JSONWriter.string(last?["status"] ?? .null))")
        throw TestFailure("timed out waiting for \(what)")
    }

    @Test("reaches Synced/Healthy in a namespace it creates, heals live drift, prunes what left Git, and reports pruning when prune is off")
    func seedExample() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-seed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let repository = try await AppRepository(in: root)
        try repository.write(Self.manifests(replicas: 2))
        try await repository.commit()
        try await RunningCluster.withController(cacheDirectory: root.appendingPathComponent("cache")) { client in
            // The seed's Application, with the repository served from this machine.
            let application = try KubeObject(YAMLReader.read("""
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata:
                  namespace: argocd
                  name: argocd-application
                spec:
                  project: default
                  source:
                    repoURL: \(repository.url)
                    targetRevision: main
                  destination:
                    server: https://kubernetes.default.svc
                    namespace: foo
                  syncPolicy:
                    automated:
                      prune: true
                      selfHeal: true
                    syncOptions:
                      - CreateNamespace=true
                """))
            _ = try await client.create(application)
            try await waitFor("Synced and Healthy after a finished sync", client: client) { app in
                app[path: "status", "sync", "status"] == "Synced" && app[path: "status", "health", "status"] == "Healthy"
                    && app[path: "status", "operationState", "phase"] == "Succeeded"
            }
            let deployment = try await client.get(Self.deployments, namespace: "foo", name: "web")
            #expect(deployment[path: "spec", "replicas"] == 2)
            let synced = try await client.get(Self.applications, namespace: "argocd", name: "argocd-application")
            #expect(synced[path: "status", "operationState", "phase"] == "Succeeded")
            #expect(synced[path: "status", "history"]?.arrayValue?.count == 1)
            #expect(synced[path: "status", "resources"]?.arrayValue?.count == 3)

            // Self-heal: a live edit is reverted.
            _ = try await client.patch(Self.deployments, namespace: "foo", name: "web", type: .merge, ["spec": ["replicas": 5]])
            let healDeadline = ContinuousClock.now + .seconds(60)
            var replicas: JSONValue?
            repeat {
                try await Task.sleep(for: .milliseconds(200))
                replicas = try await client.get(Self.deployments, namespace: "foo", name: "web")[path: "spec", "replicas"]
            } while replicas != 2 && ContinuousClock.now < healDeadline
            #expect(replicas == 2, "self-heal did not revert the live edit")

            // Prune: a file removed from Git is deleted from the cluster.
            try FileManager.default.removeItem(at: repository.directory.appendingPathComponent("settings.yaml"))
            try await repository.commit("remove settings")
            _ = try await client.patch(
                Self.applications, namespace: "argocd", name: "argocd-application", type: .merge,
                ["metadata": ["annotations": ["argocd.argoproj.io/refresh": "normal"]]])
            try await waitFor("the ConfigMap pruned", client: client) { _ in
                (try? await client.get(Self.configMaps, namespace: "foo", name: "settings")) == nil
            }

            // Without prune, a removed file is reported as requiring pruning and left alone.
            _ = try await client.patch(
                Self.applications, namespace: "argocd", name: "argocd-application", type: .merge,
                ["spec": ["syncPolicy": ["automated": ["prune": false]]]])
            try FileManager.default.removeItem(at: repository.directory.appendingPathComponent("extra.yaml"))
            try await repository.commit("remove extra")
            _ = try await client.patch(
                Self.applications, namespace: "argocd", name: "argocd-application", type: .merge,
                ["metadata": ["annotations": ["argocd.argoproj.io/refresh": "normal"]]])
            try await waitFor("extra reported as requiring pruning", client: client) { app in
                (app[path: "status", "resources"]?.arrayValue ?? []).contains { $0["name"] == "extra" && $0["requiresPruning"] == true }
            }
            let extra = try? await client.get(Self.configMaps, namespace: "foo", name: "extra")
            #expect(extra != nil, "a resource was pruned although prune is off")
        }
    }
}
