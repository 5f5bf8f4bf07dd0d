import AppController
import ClusterTestSupport
import KubeClient
import KubeModel
import Notifications

extension RunningCluster {
    static let applications = GroupVersionResource(group: "argoproj.io", version: "v1alpha1", resource: "applications")
    static let configMaps = GroupVersionResource(group: "", version: "v1", resource: "configmaps")

    /// Starts a cluster with the `argocd` namespace and the Argo CRDs, as `wharf up` leaves it, and
    /// runs `body` with a client of it.
    static func withArgoCD<T: Sendable>(_ body: (KubeClient) async throws -> T) async throws -> T {
        try await with { cluster in
            let client = try cluster.client()
            _ = try await client.create(
                GroupVersionResource(group: "", version: "v1", resource: "namespaces"), namespace: nil,
                KubeObject(apiVersion: "v1", kind: "Namespace", name: "argocd"))
            let installer = CRDInstaller()
            try await installer.install(using: client)
            try await installer.ensureDefaultProject(namespace: "argocd", using: client)
            return try await body(client)
        }
    }
}

extension KubeClient {
    /// Creates `argocd-notifications-cm` with `data`.
    func createNotificationsConfigMap(_ data: [String: String]) async throws {
        _ = try await create(RunningCluster.configMaps, namespace: "argocd", SampleApplications.configMap(data))
    }

    /// Creates the Application `name` subscribed through `annotations`.
    func createApplication(_ name: String, annotations: [String: String]) async throws {
        var app = try KubeObject(
            YAMLReader.read("""
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata:
                  name: \(name)
                  namespace: argocd
                spec:
                  project: default
                  source: {repoURL: "https://github.com/example/guestbook.git", path: guestbook, targetRevision: main}
                  destination: {server: "https://kubernetes.default.svc", namespace: guestbook}
                """))
        for (key, value) in annotations { app.setAnnotation(key, value) }
        _ = try await create(RunningCluster.applications, namespace: "argocd", app)
    }

    /// Merge-patches the Application `name`'s status, as the application controller would write it.
    func patchStatus(_ name: String, _ status: JSONValue) async throws {
        _ = try await patch(RunningCluster.applications, namespace: "argocd", name: name, type: .merge, ["status": status])
    }

    /// Runs `body` while a notification controller runs.
    func withNotificationController<T: Sendable>(
        _ body: (NotificationController) async throws -> T
    ) async throws -> T {
        let controller = NotificationController(namespace: "argocd", client: self, retryDelay: .milliseconds(200))
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await controller.run() }
            defer { group.cancelAll() }
            return try await body(controller)
        }
    }
}
