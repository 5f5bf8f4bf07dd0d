import AppController
import ApplicationSets
import Foundation
import KubeClient
import Notifications
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
            let (sharding, problems) = ShardingConfiguration.from(environment: environment, hostname: ProcessInfo.processInfo.hostName)
            for problem in problems { FileHandle.standardError.write(Data("warning: \(problem)\n".utf8)) }
            let controller = ApplicationController(
                configuration: AppControllerConfiguration(namespace: namespace, sharding: sharding), client: client, repo: repo, tracking: settings.tracking)
            let applicationSets = ApplicationSetController(namespace: namespace, client: client, repo: repo)
            let notifications = NotificationController(namespace: namespace, client: client)
            let shardNote = sharding.replicas > 1 ? " as shard \(sharding.shard) of \(sharding.replicas)" : ""
            FileHandle.standardOutput.write(Data("Wharf application controller watching Applications in namespace \(namespace)\(shardNote)\n".utf8))
            let credentials = RepositoryCredentialFeed(client: client, namespace: namespace, store: repo.credentials)
            await withDiscardingTaskGroup { group in
                group.addTask { await credentials.run() }
                // Private repositories need their credentials before the first generation.
                await credentials.waitUntilReady()
                if let metricsPort { group.addTask { await MetricsServer.run(controller: controller, port: metricsPort) } }
                group.addTask { await runElected("wharf-applicationset-controller", client: client, namespace: namespace, elected: sharding.replicas > 1) { await applicationSets.run() } }
                group.addTask { await runElected("wharf-notifications-controller", client: client, namespace: namespace, elected: sharding.replicas > 1) { await notifications.run() } }
                await controller.run()
                group.cancelAll()
            }
        } catch {
            await client.shutdown()
            throw error
        }
        await client.shutdown()
    }

    /// Runs a controller that must run once per installation (ApplicationSets, notifications); with
    /// several replicas only the one holding the Lease `lease` does, as upstream's run as single
    /// elected deployments.
    private static func runElected(_ lease: String, client: KubeClient, namespace: String, elected: Bool, _ body: @escaping @Sendable () async -> Void) async {
        guard elected else { return await body() }
        let identity = "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)"
        let election = LeaderElector(client: client, configuration: LeaderElectionConfiguration(namespace: namespace, name: lease, identity: identity))
        while !Task.isCancelled {
            await election.run(lead: body)
            try? await Task.sleep(for: .seconds(1))
        }
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
