import ClusterTestSupport
import Foundation
import KubeModel
import Testing

/// `wharf controller` as a process, when things go wrong: killed with SIGKILL at several points of
/// one sync and started again, it must finish the operation it had begun — hooks not run a second
/// time, nothing applied out of order, one history entry; against an API server that fails and
/// delays requests, syncs may be slower but every status it writes stays true.
@Suite(.mayBlock, .enabled(if: CommandRunner.which("kubectl") != nil && CommandRunner.which("git") != nil, "kubectl and git are needed"), .serialized)
struct ControllerReliabilityTests {
    /// A repository with a PreSync hook, a Deployment in wave 0, a ConfigMap in wave 1 and a PostSync
    /// hook: with the realistic simulation each step takes a second or more, long enough to kill in.
    private func repository(in directory: URL) throws -> URL {
        let repository = directory.appendingPathComponent("repo")
        let files = [
            "app/presync.yaml": Self.job("prepare", hook: "PreSync"),
            "app/postsync.yaml": Self.job("announce", hook: "PostSync"),
            "app/deploy.yaml": """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, annotations: {argocd.argoproj.io/sync-wave: "0"}}
                spec:
                  replicas: 2
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec: {containers: [{name: web, image: "nginx:1.27"}]}
                """,
            "app/settings.yaml": """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings, annotations: {argocd.argoproj.io/sync-wave: "1"}}
                data: {color: blue}
                """,
        ]
        try GitFixture.commit(files, in: repository, message: "app")
        return repository
    }

    private static func job(_ name: String, hook: String) -> String {
        """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: \(name), annotations: {argocd.argoproj.io/hook: \(hook)}}
        spec:
          backoffLimit: 0
          template:
            spec:
              restartPolicy: Never
              containers: [{name: \(name), image: "busybox:1.36"}]
        """
    }

    private func application(_ name: String = "crash", repository: URL) -> String {
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata: {name: \(name), namespace: argocd}
        spec:
          project: default
          source: {repoURL: "file://\(repository.path)", path: app, targetRevision: main}
          destination: {server: "https://kubernetes.default.svc", namespace: \(name)}
          syncPolicy:
            automated: {prune: true}
            syncOptions: [CreateNamespace=true]
            retry: {limit: 10, backoff: {duration: 1s, factor: 2, maxDuration: 5s}}
        """
    }

    /// Starts `wharf controller` against the cluster, and waits until it watches.
    private func startController(_ cluster: ClusterProcess, cache: URL, log: URL) throws -> SpawnedProcess {
        let controller = try SpawnedProcess(
            CommandRunner.wharfPath, ["controller", "--kubeconfig", cluster.kubeconfig, "--cache-dir", cache.path, "--metrics-port", "0"], outputFile: log, errorFile: log)
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let text = try? String(contentsOf: log, encoding: .utf8), text.contains("watching Applications") { return controller }
            guard controller.exitStatus() == nil else { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TestFailure("the controller did not start: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
    }

    /// The Application as JSON.
    private func application(_ cluster: ClusterProcess, _ name: String = "crash") -> JSONValue? {
        guard let text = try? cluster.kubectlOutput(["get", "application", name, "-n", "argocd", "-o", "json"]) else { return nil }
        return try? JSONParser.parse(text)
    }

    /// The operation's recorded result for the resource `kind`/`name`, if any.
    private func result(_ app: JSONValue?, kind: String, name: String) -> JSONValue? {
        app?[path: ["status", "operationState", "syncResult", "resources"]]?.arrayValue?.first { $0["kind"]?.stringValue == kind && $0["name"]?.stringValue == name }
    }

    /// Waits (polling with kubectl, test-side) until `condition` holds for the Application.
    private func waitFor(
        _ what: String, _ cluster: ClusterProcess, app name: String = "crash", timeout: Double = 90, _ condition: (JSONValue?) -> Bool
    ) throws -> JSONValue? {
        let deadline = Date().addingTimeInterval(timeout)
        var app: JSONValue?
        while Date() < deadline {
            app = application(cluster, name)
            if condition(app) { return app }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("timed out waiting for \(what); status: \(app.map { JSONWriter.string($0["status"] ?? .null) } ?? "none")")
        throw TestFailure("timed out waiting for \(what)")
    }

    /// The object's uid, nil when it does not exist; tried a few times, as kubectl suffers the
    /// injected faults too.
    private func uid(_ cluster: ClusterProcess, _ kind: String, _ name: String, namespace: String = "crash") -> String? {
        for _ in 0..<8 {
            if let uid = try? cluster.kubectlOutput(["get", kind, name, "-n", namespace, "-o", "jsonpath={.metadata.uid}"]) { return uid }
        }
        return nil
    }

    @Test("killed while a PreSync hook runs, between waves and while a PostSync hook runs, the restarted controller finishes the sync once")
    func killedDuringSync() throws {
        let directory = try TemporaryDirectory()
        let repository = try repository(in: directory.url)
        let cluster = try ClusterProcess(arguments: ["--profile", "realistic"])
        let cache = directory.url.appendingPathComponent("cache")
        let log = directory.url.appendingPathComponent("controller.log")
        var controller = try startController(cluster, cache: cache, log: log)
        defer { controller.signalGroup(SIGKILL) }
        _ = try cluster.kubectlOutput(["apply", "-f", "-"], input: application(repository: repository))

        // 1. While the PreSync hook runs: after the restart the same Job is waited for, not created again.
        _ = try waitFor("the PreSync hook running", cluster) { result($0, kind: "Job", name: "prepare")?["hookPhase"] == "Running" }
        controller.signalGroup(SIGKILL)
        controller.waitForExitBlocking(timeout: .seconds(20))
        let prepareUID = try #require(uid(cluster, "job", "prepare"))
        controller = try startController(cluster, cache: cache, log: log)

        // 2. Between waves: the Deployment applied, not yet healthy, the wave-1 ConfigMap not applied.
        _ = try waitFor("wave 0 applied", cluster) { result($0, kind: "Deployment", name: "web") != nil }
        controller.signalGroup(SIGKILL)
        controller.waitForExitBlocking(timeout: .seconds(20))
        let webUID = try #require(uid(cluster, "deployment", "web"))
        controller = try startController(cluster, cache: cache, log: log)

        // 3. While the PostSync hook runs.
        _ = try waitFor("the PostSync hook running", cluster) { result($0, kind: "Job", name: "announce")?["hookPhase"] == "Running" }
        controller.signalGroup(SIGKILL)
        controller.waitForExitBlocking(timeout: .seconds(20))
        let announceUID = try #require(uid(cluster, "job", "announce"))
        controller = try startController(cluster, cache: cache, log: log)

        let finished = try waitFor("the sync to succeed", cluster) { $0?[path: ["status", "operationState", "phase"]] == "Succeeded" }
        let operation = JSONWriter.string(finished?[path: ["status", "operationState"]] ?? .null)
        #expect(uid(cluster, "job", "prepare") == prepareUID, "the PreSync hook ran a second time after the restart: \(operation)")
        #expect(uid(cluster, "deployment", "web") == webUID, "the Deployment was replaced after the restart")
        #expect(uid(cluster, "job", "announce") == announceUID, "the PostSync hook ran a second time after the restart: \(operation)")
        #expect(result(finished, kind: "Job", name: "prepare")?["hookPhase"] == "Succeeded")
        #expect(result(finished, kind: "Job", name: "announce")?["hookPhase"] == "Succeeded")
        #expect(result(finished, kind: "ConfigMap", name: "settings")?["status"] == "Synced")
        #expect(finished?[path: ["status", "history"]]?.arrayValue?.count == 1, "one sync must leave one history entry")
        #expect(try cluster.kubectlOutput(["get", "configmap", "settings", "-n", "crash", "-o", "jsonpath={.data.color}"]) == "blue")
        _ = try waitFor("the app Synced/Healthy", cluster) {
            $0?[path: ["status", "sync", "status"]] == "Synced" && $0?[path: ["status", "health", "status"]] == "Healthy"
        }
    }

    @Test("against an API server that fails and delays a share of requests, every app converges and its recorded status stays true")
    func flakyServer() throws {
        let directory = try TemporaryDirectory()
        let repository = try repository(in: directory.url)
        let faults = [
            "verb=patch,resource=applications,error-rate=0.3,code=500",
            "verb=get,resource=applications,error-rate=0.2,code=500",
            "verb=*,resource=configmaps,latency=0.02,jitter=0.08,error-rate=0.2,code=500",
            "verb=create,resource=jobs,error-rate=0.3,code=503",
            "verb=patch,resource=deployments,latency=0.05,error-rate=0.2,code=504",
        ]
        let cluster = try ClusterProcess(arguments: faults.flatMap { ["--fault", $0] })
        let log = directory.url.appendingPathComponent("controller.log")
        let controller = try startController(cluster, cache: directory.url.appendingPathComponent("cache"), log: log)
        defer { controller.signalGroup(SIGKILL) }
        let names = ["flaky-a", "flaky-b", "flaky-c"]
        for name in names {
            // kubectl suffers the injected faults too; it is simply run again, as a user would.
            var applied = try cluster.kubectl(["apply", "-f", "-"], input: application(name, repository: repository))
            for _ in 0..<10 where applied.exitCode != 0 {
                applied = try cluster.kubectl(["apply", "-f", "-"], input: application(name, repository: repository))
            }
            #expect(applied.exitCode == 0, "\(applied.standardError)")
        }
        for name in names {
            let app = try waitFor("\(name) synced", cluster, app: name, timeout: 120) {
                $0?[path: ["status", "operationState", "phase"]] == "Succeeded" && $0?[path: ["status", "sync", "status"]] == "Synced"
                    && $0?[path: ["status", "health", "status"]] == "Healthy"
            }
            #expect(app?[path: ["status", "history"]]?.arrayValue?.count == 1, "\(name): one successful sync must leave one history entry")
            let results = app?[path: ["status", "operationState", "syncResult", "resources"]]?.arrayValue ?? []
            for (kind, resource) in [("Job", "prepare"), ("Deployment", "web"), ("ConfigMap", "settings"), ("Job", "announce")] {
                let recorded = results.first { $0["kind"]?.stringValue == kind && $0["name"]?.stringValue == resource }
                #expect(recorded?["status"] == "Synced", "\(name): \(kind) \(resource) recorded as \(recorded.map { JSONWriter.string($0) } ?? "missing")")
                #expect(uid(cluster, kind.lowercased(), resource, namespace: name) != nil, "\(name): \(kind) \(resource) is not in the cluster")
            }
            let resources = app?[path: ["status", "resources"]]?.arrayValue ?? []
            #expect(resources.count == 2 && resources.allSatisfy { $0["status"] == "Synced" }, "\(name): \(resources.map { JSONWriter.string($0) })")
        }
        // The controller's metrics tell the same story, under upstream's names.
        let logText = try String(contentsOf: log, encoding: .utf8)
        let url = try #require(logText.split(separator: "\n").first { $0.hasPrefix("metrics: ") }.map { String($0.dropFirst("metrics: ".count)) })
        let metrics = try CommandRunner.run(try #require(CommandRunner.which("curl")), ["-sS", "--max-time", "10", url]).standardOutput
        for name in names { #expect(metrics.contains("argocd_app_info{name=\"\(name)\",namespace=\"argocd\",project=\"default\""), "\(metrics)") }
        #expect(metrics.contains("argocd_app_sync_total{phase=\"Succeeded\"}"))
        #expect(metrics.contains("argocd_app_k8s_request_total{server=\"https://kubernetes.default.svc\",verb=\"patch\",resource_kind=\"applications\",response_code=\"500\"}"))
        #expect(metrics.contains("workqueue_depth{name=\"app_reconciliation_queue\"}"))
    }
}
