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

    /// Two apps' manifests: a ConfigMap, and a Deployment whose pods crash loop.
    private static let files: [String: String] = [
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
    ]

    @Test("with the resources finalizer, deleting the Application deletes its resources; without it they stay")
    func deletion() async throws {
        try await RunningCluster.withController(repositoryFiles: Self.files) { client, repository in
            _ = try await client.create(try application("with-finalizer", path: "settings", repository: repository, finalizer: true))
            _ = try await client.create(try application("without-finalizer", path: "settings", repository: repository, finalizer: false))
            try await eventually("both apps synced") {
                let first = await client.applicationStatus("with-finalizer"), second = await client.applicationStatus("without-finalizer")
                return first == "Synced/Healthy" && second == "Synced/Healthy"
            }
            _ = try await client.delete(TestResources.applications, namespace: "argocd", name: "with-finalizer")
            _ = try await client.delete(TestResources.applications, namespace: "argocd", name: "without-finalizer")
            try await eventually("both Applications gone") {
                let first = await client.applicationStatus("with-finalizer"), second = await client.applicationStatus("without-finalizer")
                return first == "gone" && second == "gone"
            }
            await #expect(throws: KubeError.self) { _ = try await client.get(TestResources.configMaps, namespace: "with-finalizer", name: "settings") }
            let kept = try? await client.get(TestResources.configMaps, namespace: "without-finalizer", name: "settings")
            #expect(kept != nil, "resources of an Application without the finalizer were deleted")
        }
    }

    @Test("an application whose pods crash loop is Degraded once its Deployment's progress deadline passes")
    func degraded() async throws {
        try await RunningCluster.withController(repositoryFiles: Self.files) { client, repository in
            _ = try await client.create(try application("failing", path: "failing", repository: repository, finalizer: false))
            try await eventually("the app Degraded") { await client.applicationStatus("failing").hasSuffix("/Degraded") }
            let app = try await client.get(TestResources.applications, namespace: "argocd", name: "failing")
            #expect(app[path: "status", "sync", "status"] == "Synced")
            let deployment = app[path: "status", "resources"]?.arrayValue?.first { $0["kind"] == "Deployment" }
            #expect(deployment?[path: ["health", "status"]] == "Degraded")
        }
    }
}
