import AppController
import Foundation
import KubeClient
import KubeModel
import RepoServer

/// Starts the application controller against a kubeconfig: the `argoproj.io` definitions and the
/// `default` project installed, the controller namespace created, then the controller run until
/// the calling task is cancelled.
enum ControllerLauncher {
    /// Runs the controller. A shared cluster gets upstream's client rate limit (50 requests/s, bursts
    /// of 100, or `ARGOCD_K8S_CLIENT_QPS` / `ARGOCD_K8S_CLIENT_BURST`); the embedded cluster
    /// (`embedded`) serves Wharf alone, so nothing holds the controller back there.
    static func run(kubeconfig: String, namespace: String, cacheDirectory: URL, metricsPort: Int?, embedded: Bool = false) async throws {
        var configuration = try ClientConfiguration.fromKubeconfig(paths: [URL(fileURLWithPath: kubeconfig)])
        let environment = ProcessInfo.processInfo.environment
        if embedded {
            configuration.queriesPerSecond = .infinity
            configuration.burst = .max
        }
        if let qps = environment["ARGOCD_K8S_CLIENT_QPS"].flatMap(Double.init) { configuration.queriesPerSecond = qps }
        if let burst = environment["ARGOCD_K8S_CLIENT_BURST"].flatMap(Int.init) { configuration.burst = burst }
        let client = try KubeClient(configuration: configuration)
        do {
            try await prepare(client, namespace: namespace)
            let repo = try RepoService(configuration: RepoServerConfiguration(cacheDirectory: cacheDirectory))
            // Tracking is read once: changing how resources are tracked takes a restart, as it re-labels every app's resources.
            let configMaps = GroupVersionResource(group: "", version: "v1", resource: "configmaps")
            let settings = ArgoSettings(configMap: try? await client.get(configMaps, namespace: namespace, name: ArgoSettings.configMapName))
            let controller = ApplicationController(
                configuration: AppControllerConfiguration(namespace: namespace), client: client, repo: repo, tracking: settings.tracking)
            FileHandle.standardOutput.write(Data("Wharf application controller watching Applications in namespace \(namespace)\n".utf8))
            await withDiscardingTaskGroup { group in
                if let metricsPort { group.addTask { await MetricsServer.run(controller: controller, port: metricsPort) } }
                await controller.run()
                group.cancelAll()
            }
        } catch {
            await client.shutdown()
            throw error
        }
        await client.shutdown()
    }

    private static func prepare(_ client: KubeClient, namespace: String) async throws {
        do {
            _ = try await client.create(KubeObject(apiVersion: "v1", kind: "Namespace", name: namespace))
        } catch where error.category == .alreadyExists {}
        let installer = CRDInstaller()
        try await installer.install(using: client)
        try await installer.ensureDefaultProject(namespace: namespace, using: client)
    }
}
