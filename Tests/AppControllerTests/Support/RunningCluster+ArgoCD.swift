import AppController
import ClusterTestSupport
import Foundation
import KubeClient
import KubeModel
import RepoServer
import SyncEngine

extension RunningCluster {
    /// The namespace Argo CD's objects live in, as upstream installs it.
    static let argoNamespace = "argocd"

    /// Starts a cluster with the `argocd` namespace, the Argo CRDs installed and the default project,
    /// as Wharf's start-up leaves it, and runs `body` with a client of it.
    static func withArgoCD<T: Sendable>(_ body: (RunningCluster, KubeClient) async throws -> T) async throws -> T {
        try await with { cluster in
            let client = try cluster.client()
            _ = try await client.create(
                GroupVersionResource(group: "", version: "v1", resource: "namespaces"), namespace: nil,
                KubeObject(apiVersion: "v1", kind: "Namespace", name: argoNamespace))
            let installer = CRDInstaller()
            try await installer.install(using: client)
            try await installer.ensureDefaultProject(namespace: argoNamespace, using: client)
            return try await body(cluster, client)
        }
    }

    /// Like ``withArgoCD(_:)``, with the application controller running (manifests cached under
    /// `cacheDirectory`) while `body` runs.
    static func withController(
        cacheDirectory: URL, tracking: ResourceTracking = ResourceTracking(), _ body: @escaping @Sendable (KubeClient) async throws -> Void
    ) async throws {
        try await withArgoCD { _, client in
            let repo = try RepoService(configuration: RepoServerConfiguration(cacheDirectory: cacheDirectory))
            let controller = ApplicationController(
                configuration: AppControllerConfiguration(namespace: argoNamespace, statusProcessors: 4, operationProcessors: 2), client: client,
                repo: repo, tracking: tracking)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await controller.run() }
                try await body(client)
                group.cancelAll()
            }
        }
    }
}
