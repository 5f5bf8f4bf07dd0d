import Foundation
import KubeClient
import KubeModel
import Testing

/// A KubeClient informer following `wharf cluster start` as its own process through a stop and a
/// restart on the same data directory and port: it keeps its cache while the server is away and
/// relists when it is back, so a change made after the restart is seen and nothing is lost.
@Suite(.mayBlock, .enabled(if: CommandRunner.which("kubectl") != nil, "kubectl is needed to check the cluster's readiness"))
struct KubeClientRestartTests {
    private static let configMaps = GroupVersionResource(group: "", version: "v1", resource: "configmaps")

    @Test func anInformerSurvivesAServerRestart() async throws {
        let first = try ClusterProcess()
        _ = try first.applyConfigMap("before", namespace: "default")
        let server = try first.serverURL()
        let port = try #require(URLComponents(string: server)?.port)
        var configuration = try ClientConfiguration.fromKubeconfig(paths: [URL(fileURLWithPath: first.kubeconfig)])
        configuration.retry.maximumRetries = 0
        let client = try KubeClient(configuration: configuration)
        let informer = SharedInformer(client: client, resource: Self.configMaps, namespace: "default")
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await informer.run() }
            await informer.waitForCacheSync()
            #expect(await informer.get(namespace: "default", name: "before") != nil)

            #expect(first.stop())
            // The server is away: the cache stays as it was while the informer retries.
            try await Task.sleep(for: .seconds(1))
            #expect(await informer.get(namespace: "default", name: "before") != nil)

            let second = try ClusterProcess(dataDirectory: first.dataDirectory, arguments: ["--port", String(port)])
            _ = try second.applyConfigMap("after", namespace: "default")
            _ = try second.kubectlOutput(["delete", "configmap", "before", "-n", "default"])
            let deadline = ContinuousClock.now + .seconds(60)
            var names = Set<String>()
            while ContinuousClock.now < deadline {
                names = Set(await informer.list().map(\.name))
                if names.contains("after") && !names.contains("before") { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(names.contains("after"))
            #expect(!names.contains("before"))
            group.cancelAll()
            await client.shutdown()
            #expect(second.stop())
        }
    }
}
