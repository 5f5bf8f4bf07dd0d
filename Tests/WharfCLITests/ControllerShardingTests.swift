import ClusterTestSupport
import Foundation
import KubeModel
import Testing

/// Several `wharf controller` processes sharing the work: each destination cluster is handled by
/// exactly one of them, and when one dies the others take its clusters over once its Lease expires.
@Suite(.mayBlock, .enabled(if: CommandRunner.which("kubectl") != nil && CommandRunner.which("git") != nil && CommandRunner.which("curl") != nil, "kubectl, git and curl are needed"), .serialized)
struct ControllerShardingTests {
    static let leaseSeconds = 6

    /// A repository whose `app` directory holds one ConfigMap of `color`.
    private func repository(in directory: URL) throws -> URL {
        let repository = directory.appendingPathComponent("repo")
        try commit(repository, color: "blue")
        return repository
    }

    private func commit(_ repository: URL, color: String) throws {
        try GitFixture.commit(["app/settings.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {color: \(color)}\n"], in: repository, message: color)
    }

    private func application(_ name: String, cluster: String, repository: URL) -> String {
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata: {name: \(name), namespace: argocd}
        spec:
          project: default
          source: {repoURL: "file://\(repository.path)", path: app, targetRevision: main}
          destination: {name: \(cluster), namespace: sharded}
          syncPolicy:
            automated: {prune: true}
            syncOptions: [CreateNamespace=true]
        """
    }

    /// Starts shard `shard` of three.
    private func startController(shard: Int, _ control: ClusterProcess, directory: URL) throws -> (process: SpawnedProcess, log: URL) {
        let log = directory.appendingPathComponent("controller-\(shard).log")
        let process = try SpawnedProcess(
            CommandRunner.wharfPath,
            ["controller", "--kubeconfig", control.kubeconfig, "--cache-dir", directory.appendingPathComponent("cache-\(shard)").path, "--metrics-port", "0"],
            environment: [
                "ARGOCD_CONTROLLER_REPLICAS": "3", "ARGOCD_CONTROLLER_SHARD": String(shard), "WHARF_CONTROLLER_SHARD_LEASE_SECONDS": String(Self.leaseSeconds),
            ], outputFile: log, errorFile: log)
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let text = try? String(contentsOf: log, encoding: .utf8), text.contains("watching Applications"), text.contains("metrics: ") { return (process, log) }
            guard process.exitStatus() == nil else { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TestFailure("controller shard \(shard) did not start: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
    }

    /// The destination clusters a controller reports handling (`argocd_cluster_info`), the in-cluster one left out.
    private func handledServers(_ log: URL) -> Set<String> {
        guard let text = try? String(contentsOf: log, encoding: .utf8),
            let url = text.split(separator: "\n").first(where: { $0.hasPrefix("metrics: ") }).map({ String($0.dropFirst("metrics: ".count)) }),
            let metrics = try? CommandRunner.run(CommandRunner.which("curl")!, ["-sS", "--max-time", "10", url]).standardOutput
        else { return [] }
        var servers: Set<String> = []
        for line in metrics.split(separator: "\n") where line.hasPrefix("argocd_cluster_info{") {
            guard let start = line.range(of: "server=\""), let end = line[start.upperBound...].firstIndex(of: "\"") else { continue }
            let server = String(line[start.upperBound..<end])
            if server != "https://kubernetes.default.svc" { servers.insert(server) }
        }
        return servers
    }

    private func color(_ cluster: ClusterProcess) -> String? {
        try? cluster.kubectlOutput(["get", "configmap", "settings", "-n", "sharded", "-o", "jsonpath={.data.color}"])
    }

    private func waitUntil(_ what: String, timeout: Double, detail: () -> String = { "" }, _ condition: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return }
            Thread.sleep(forTimeInterval: 0.2)
        }
        Issue.record("timed out waiting for \(what); \(detail())")
        throw TestFailure("timed out waiting for \(what)")
    }

    @Test("3 controllers split 6 clusters, one each at a time; a killed one's clusters are taken over after its lease")
    func splitAndTakeOver() throws {
        let directory = try TemporaryDirectory()
        let repository = try repository(in: directory.url)
        let control = try ClusterProcess()
        let remotes = try (0..<6).map { _ in try ClusterProcess() }
        var servers: [String] = []
        _ = try control.kubectl(["create", "namespace", "argocd"])
        for (index, remote) in remotes.enumerated() {
            let secret = try ClusterSecretManifest.make(name: "remote-\(index)", kubeconfig: URL(fileURLWithPath: remote.kubeconfig))
            servers.append(secret[path: "stringData", "server"]?.stringValue ?? "")
            _ = try control.kubectlOutput(["apply", "-f", "-"], input: JSONWriter.string(secret.content))
        }
        let controllers = try (0..<3).map { try startController(shard: $0, control, directory: directory.url) }
        defer { for controller in controllers { controller.process.signalGroup(SIGKILL) } }
        for index in remotes.indices {
            _ = try control.kubectlOutput(["apply", "-f", "-"], input: application("app-\(index)", cluster: "remote-\(index)", repository: repository))
        }

        // Every cluster gets its app, and each is handled by exactly one controller.
        try waitUntil("every remote cluster deployed", timeout: 120, detail: { "colors: \(remotes.map { color($0) ?? "-" })" }) {
            remotes.allSatisfy { color($0) == "blue" }
        }
        var handled: [Set<String>] = []
        try waitUntil("the clusters split between the controllers", timeout: 30, detail: { "handled: \(handled)" }) {
            handled = controllers.map { handledServers($0.log) }
            return handled.reduce(0) { $0 + $1.count } == 6 && Set(handled.flatMap { $0 }) == Set(servers)
        }
        print("sharding: clusters per controller \(handled.map(\.count))")
        #expect(handled.filter { !$0.isEmpty }.count >= 2, "one controller did all the work: \(handled)")

        // Kill the busiest controller; the others take its clusters over once its Lease expires.
        let victim = handled.indices.max { handled[$0].count < handled[$1].count }!
        let orphaned = handled[victim]
        controllers[victim].process.signalGroup(SIGKILL)
        _ = controllers[victim].process.waitForExitBlocking(timeout: .seconds(20))
        let killedAt = Date()
        let survivors = controllers.indices.filter { $0 != victim }
        try commit(repository, color: "green")
        for index in remotes.indices {
            _ = try control.kubectlOutput(["annotate", "application", "app-\(index)", "-n", "argocd", "argocd.argoproj.io/refresh=normal", "--overwrite"])
        }
        try waitUntil("the survivors to deploy to every cluster", timeout: Double(Self.leaseSeconds) * 3 + 60, detail: { "colors: \(remotes.map { color($0) ?? "-" })" }) {
            remotes.allSatisfy { color($0) == "green" }
        }
        print("sharding: \(orphaned.count) cluster(s) of the killed controller deployed again \(String(format: "%.1f", Date().timeIntervalSince(killedAt))) s after the kill (lease \(Self.leaseSeconds) s)")
        var after: [Set<String>] = []
        try waitUntil("the survivors to cover every cluster once", timeout: 30, detail: { "handled: \(after)" }) {
            after = survivors.map { handledServers(controllers[$0].log) }
            return after.reduce(0) { $0 + $1.count } == 6 && Set(after.flatMap { $0 }) == Set(servers)
        }
    }
}
