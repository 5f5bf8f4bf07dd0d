import AppController
import ClusterTestSupport
import Foundation
import KubeClient
import KubeModel
import RepoServer
import Testing

/// Deletion with and without the resources finalizer, and health that reflects failing pods.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git"), "git is needed"), .timeLimit(.minutes(3)))
struct ApplicationLifecycleTests {
    static let applications = GroupVersionResource(group: "argoproj.io", version: "v1alpha1", resource: "applications")
    static let configMaps = GroupVersionResource(group: "", version: "v1", resource: "configmaps")

    private func application(_ name: String, path: String, repository: AppRepository, finalizer: Bool) throws -> KubeObject {
        try KubeObject(YAMLReader.read("""
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: \(name)
              namespace: argocd
              finalizers: \(finalizer ? "[resources-finalizer.argocd.argoproj.io]" : "[]")
            spec:
              project: default
              source: {repoURL: "\(repository.url)", path: \(path), targetRevision: main}
              destination: {server: "https://kubernetes.default.svc", namespace: \(name)}
              syncPolicy:
                automated: {prune: true}
                syncOptions: [CreateNamespace=true]
            """))
    }

    /// Runs `body` with a running controller and a repository holding two apps' manifests.
    private func withController(_ body: @escaping @Sendable (KubeClient, AppRepository) async throws -> Void) async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-lifecycle-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let repository = try await AppRepository(in: root)
        try repository.write([
            "settings/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: b\n",
            "failing/deploy.yaml": """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: broken
                spec:
                  replicas: 1
                  # Upstream judges a Deployment by its rollout: Degraded once the deadline passes.
                  progressDeadlineSeconds: 2
                  selector:
                    matchLabels: {app: broken}
                  template:
                    metadata:
                      labels: {app: broken}
                    spec:
                      containers:
                      - name: app
                        image: registry.local/crashloop:1.0
                """,
        ])
        try await repository.commit()
        try await RunningCluster.withController(cacheDirectory: root.appendingPathComponent("cache")) { client in
            try await body(client, repository)
        }
    }

    /// Polls (test-side only) until `condition` holds, or fails after a minute.
    private func eventually(_ what: String, _ condition: () async -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if await condition() { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("timed out waiting for \(what)")
        throw TestFailure("timed out waiting for \(what)")
    }

    private func status(_ client: KubeClient, _ name: String) async -> String {
        guard let app = try? await client.get(Self.applications, namespace: "argocd", name: name) else { return "gone" }
        return "\(app[path: "status", "sync", "status"]?.stringValue ?? "")/\(app[path: "status", "health", "status"]?.stringValue ?? "")"
    }

    @Test("with the resources finalizer, deleting the Application deletes its resources; without it they stay")
    func deletion() async throws {
        try await withController { client, repository in
            _ = try await client.create(try application("with-finalizer", path: "settings", repository: repository, finalizer: true))
            _ = try await client.create(try application("without-finalizer", path: "settings", repository: repository, finalizer: false))
            try await eventually("both apps synced") {
                let first = await status(client, "with-finalizer"), second = await status(client, "without-finalizer")
                return first == "Synced/Healthy" && second == "Synced/Healthy"
            }
            _ = try await client.delete(Self.applications, namespace: "argocd", name: "with-finalizer")
            _ = try await client.delete(Self.applications, namespace: "argocd", name: "without-finalizer")
            try await eventually("both Applications gone") {
                let first = await status(client, "with-finalizer"), second = await status(client, "without-finalizer")
                return first == "gone" && second == "gone"
            }
            await #expect(throws: KubeError.self) { _ = try await client.get(Self.configMaps, namespace: "with-finalizer", name: "settings") }
            let kept = try? await client.get(Self.configMaps, namespace: "without-finalizer", name: "settings")
            #expect(kept != nil, "resources of an Application without the finalizer were deleted")
        }
    }

    @Test("an application whose pods crash loop is Degraded once its Deployment's progress deadline passes")
    func degraded() async throws {
        try await withController { client, repository in
            _ = try await client.create(try application("failing", path: "failing", repository: repository, finalizer: false))
            try await eventually("the app Degraded") { await status(client, "failing").hasSuffix("/Degraded") }
            let app = try await client.get(Self.applications, namespace: "argocd", name: "failing")
            #expect(app[path: "status", "sync", "status"] == "Synced")
            let deployment = app[path: "status", "resources"]?.arrayValue?.first { $0["kind"] == "Deployment" }
            #expect(deployment?[path: ["health", "status"]] == "Degraded")
        }
    }
}
