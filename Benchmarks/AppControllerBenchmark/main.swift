// Upstream's scalability test on the embedded cluster: N Applications (10,000 by default), each one
// ConfigMap from its own folder of one monorepo. Measures the time from creating them to all
// Synced/Healthy, the controller's CPU time and peak memory (the cluster runs as its own process,
// this executable started again with `serve`, and is measured apart), then the steady-state cost
// of a full refresh with no change, and of a commit that changes one application (that app alone
// refreshed, as a webhook asks; then a full refresh, as the periodic one does).
// Run with: swift build -c release --product AppControllerBenchmark && .build/release/AppControllerBenchmark [apps]
import AppController
import Foundation
import KubeClient
import KubeModel
import LocalCluster
import ProcessRunner
import RepoServer

if CommandLine.arguments.dropFirst().first == "serve", let directory = CommandLine.arguments.dropFirst(2).first {
    try await LocalCluster.run(LocalClusterConfiguration(dataDirectory: URL(fileURLWithPath: directory), port: 0), handleSignals: true) { endpoint in
        FileHandle.standardOutput.write(Data("kubeconfig: \(endpoint.kubeconfigPath.path)\n".utf8))
    }
    exit(0)
}

let appCount = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 10_000
let root = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-controller-bench-\(UUID().uuidString)")
let repository = root.appendingPathComponent("monorepo")
let applications = GroupVersionResource(group: "argoproj.io", version: "v1alpha1", resource: "applications")
let configMaps = GroupVersionResource(group: "", version: "v1", resource: "configmaps")
let targetNamespace = "bench"

func git(_ arguments: String...) async throws {
    let result = try await ChildProcess("git", arguments: arguments, directory: repository, timeout: .seconds(600)).run()
    guard result.status == 0 else { fatalError("git \(arguments.joined(separator: " ")): \(result.errorText)") }
}

func appName(_ index: Int) -> String { String(format: "app-%05d", index) }

func configMap(_ index: Int, version: Int) -> String {
    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \(appName(index))\ndata:\n  version: \"\(version)\"\n"
}

func writeConfigMap(_ index: Int, version: Int) throws {
    let directory = repository.appendingPathComponent("apps/\(appName(index))")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try configMap(index, version: version).write(to: directory.appendingPathComponent("configmap.yaml"), atomically: false, encoding: .utf8)
}

func application(_ index: Int) -> KubeObject {
    var object = KubeObject(apiVersion: "argoproj.io/v1alpha1", kind: "Application", name: appName(index), namespace: "argocd")
    object["spec"] = [
        "project": "default",
        "source": ["repoURL": .string("file://\(repository.path)"), "path": .string("apps/\(appName(index))"), "targetRevision": "main"],
        "destination": ["server": "https://kubernetes.default.svc", "namespace": .string(targetNamespace)],
        "syncPolicy": ["automated": ["prune": true, "selfHeal": true]],
    ]
    return object
}

/// Starts the cluster as a second process of this executable and returns it with its kubeconfig.
func startCluster() throws -> (Process, URL) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    process.arguments = ["serve", root.appendingPathComponent("cluster").path]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.standardError
    try process.run()
    var text = ""
    while !text.contains("kubeconfig: ") || !text.hasSuffix("\n") {
        let chunk = output.fileHandleForReading.availableData
        guard !chunk.isEmpty else { fatalError("the cluster exited before it was ready: \(text)") }
        text += String(decoding: chunk, as: UTF8.self)
    }
    let line = text.split(separator: "\n").first { $0.hasPrefix("kubeconfig: ") }!
    return (process, URL(fileURLWithPath: String(line.dropFirst("kubeconfig: ".count))))
}

/// CPU seconds (user + system) and peak resident MiB of a process (`self` or a pid).
func usage(of process: String = "self") -> (cpu: Double, peakMiB: Double) {
    let stat = (try? String(contentsOfFile: "/proc/\(process)/stat", encoding: .utf8)) ?? ""
    // Fields after the command's closing parenthesis; utime and stime are the 12th and 13th of them.
    let fields = stat.split(separator: ")").last?.split(separator: " ") ?? []
    let ticks = fields.count > 12 ? (Double(fields[11]) ?? 0) + (Double(fields[12]) ?? 0) : 0
    let status = (try? String(contentsOfFile: "/proc/\(process)/status", encoding: .utf8)) ?? ""
    let peak = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
        .flatMap { Double($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
    return (ticks / Double(sysconf(Int32(_SC_CLK_TCK))), peak / 1024)
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func format(_ value: Double) -> String { String(format: "%.1f", value) }

/// Waits until `count` Applications are Synced and Healthy, as the controller sees them (a watch of
/// its own here would double the work of decoding every Application update).
func waitForConvergence(_ controller: ApplicationController, count: Int, start: ContinuousClock.Instant) async {
    var lastReport = ContinuousClock.now
    var described = false
    while true {
        let counts = await controller.statusCounts()
        let converged = counts["Synced/Healthy"] ?? 0
        if converged >= count { return }
        if ContinuousClock.now - lastReport >= .seconds(10) {
            lastReport = .now
            let others = counts.filter { $0.key != "Synced/Healthy" }.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            print("  … \(format(seconds(ContinuousClock.now - start))) s: \(converged) Synced/Healthy (\(others)), \(controller.metrics.reconciles) refreshes")
            if count - converged <= 3 && !described, let list = try? await client.list(applications, namespace: "argocd") {
                // A straggler is a finding: say what state it is stuck in.
                described = true
                for app in list.items where !(app[path: "status", "sync", "status"] == "Synced" && app[path: "status", "health", "status"] == "Healthy") {
                    print("    straggler \(app.name): operation \(JSONWriter.string(app["operation"] ?? .null)), status \(JSONWriter.string(app["status"] ?? .null))")
                }
            }
        }
        // Counting walks every Application: once a second keeps the measurement out of the figures.
        try? await Task.sleep(for: .seconds(1))
    }
}

/// Waits until the controller has finished `count` more refreshes than `before`.
func waitForReconciles(_ controller: ApplicationController, after before: Int, count: Int) async {
    while controller.metrics.reconciles < before + count { try? await Task.sleep(for: .milliseconds(20)) }
}

print("Application controller benchmark: \(appCount) Applications, one ConfigMap each, one monorepo (\(ProcessInfo.processInfo.activeProcessorCount) cores)")
try FileManager.default.createDirectory(at: repository, withIntermediateDirectories: true)
for index in 0..<appCount { try writeConfigMap(index, version: 1) }
try await git("init", "--quiet", "--initial-branch=main")
try await git("add", "-A")
try await git("-c", "user.email=bench@example.com", "-c", "user.name=Bench", "commit", "--quiet", "-m", "apps")

let (cluster, kubeconfig) = try startCluster()
defer {
    cluster.terminate()
    try? FileManager.default.removeItem(at: root)
}
var clientConfiguration = try ClientConfiguration.fromKubeconfig(paths: [kubeconfig])
// The embedded cluster serves Wharf alone: no client-side rate limit, as `wharf up` runs it.
clientConfiguration.queriesPerSecond = .infinity
clientConfiguration.burst = .max
let client = try KubeClient(configuration: clientConfiguration)
for namespace in ["argocd", targetNamespace] { _ = try await client.create(KubeObject(apiVersion: "v1", kind: "Namespace", name: namespace)) }
let installer = CRDInstaller()
try await installer.install(using: client)
try await installer.ensureDefaultProject(namespace: "argocd", using: client)

let repo = try RepoService(configuration: RepoServerConfiguration(cacheDirectory: root.appendingPathComponent("cache")))
let controller = ApplicationController(configuration: AppControllerConfiguration(namespace: "argocd"), client: client, repo: repo)
let background = Task { await controller.run() }

let startUsage = usage(), startClusterUsage = usage(of: String(cluster.processIdentifier))
let start = ContinuousClock.now
try await withThrowingTaskGroup(of: Void.self) { group in
    for task in 0..<16 {
        group.addTask {
            for index in stride(from: task, to: appCount, by: 16) { _ = try await client.create(application(index)) }
        }
    }
    try await group.waitForAll()
}
let created = ContinuousClock.now - start
await waitForConvergence(controller, count: appCount, start: start)
let converged = ContinuousClock.now - start
let endUsage = usage(), endClusterUsage = usage(of: String(cluster.processIdentifier))
print("created \(appCount) Applications in \(format(seconds(created))) s; all Synced/Healthy after \(format(seconds(converged))) s")
print("  controller: CPU \(format(endUsage.cpu - startUsage.cpu)) s, peak RSS \(format(endUsage.peakMiB)) MiB")
print("  cluster:    CPU \(format(endClusterUsage.cpu - startClusterUsage.cpu)) s, peak RSS \(format(endClusterUsage.peakMiB)) MiB")
print("  \(controller.metrics.reconciles) refreshes")
var requestCounts: [String: Int] = [:]
for (key, count) in client.metrics.requests { requestCounts["\(key.verb) \(key.resource)", default: 0] += count }
let requestSummary = requestCounts.sorted { $0.value > $1.value }.prefix(8).map { "\($0.key) \($0.value)" }.joined(separator: ", ")
print("  API requests: \(requestCounts.values.reduce(0, +)) (\(requestSummary))")

// A full refresh with nothing changed: every app rendered (from cache), compared, nothing written.
var before = controller.metrics.reconciles
var cpuBefore = usage().cpu
var clock = ContinuousClock.now
await controller.refreshAll()
await waitForReconciles(controller, after: before, count: appCount)
print("full refresh, no change: \(format(seconds(ContinuousClock.now - clock))) s, controller CPU \(format(usage().cpu - cpuBefore)) s")

// One app's folder changes: that app refreshed alone (a webhook's refresh) until its ConfigMap follows.
let changed = appCount / 2
try writeConfigMap(changed, version: 2)
try await git("-c", "user.email=bench@example.com", "-c", "user.name=Bench", "commit", "--quiet", "-am", "one app")
clock = ContinuousClock.now
_ = try await client.patch(
    applications, namespace: "argocd", name: appName(changed), type: .merge, ["metadata": ["annotations": ["argocd.argoproj.io/refresh": "normal"]]])
while (try? await client.get(configMaps, namespace: targetNamespace, name: appName(changed)))?[path: "data", "version"] != "2" {
    try await Task.sleep(for: .milliseconds(10))
}
print("one-app commit, that app refreshed: deployed after \(format(seconds(ContinuousClock.now - clock) * 1000)) ms")

// Another commit, then a full refresh (as the periodic one would find it): 9,999 renderings reused.
try writeConfigMap(changed, version: 3)
try await git("-c", "user.email=bench@example.com", "-c", "user.name=Bench", "commit", "--quiet", "-am", "one app again")
await repo.forgetRevisions(of: "file://\(repository.path)")
before = controller.metrics.reconciles
cpuBefore = usage().cpu
clock = ContinuousClock.now
await controller.refreshAll()
await waitForReconciles(controller, after: before, count: appCount)
print("one-app commit, full refresh: \(format(seconds(ContinuousClock.now - clock))) s, controller CPU \(format(usage().cpu - cpuBefore)) s")
print("controller peak RSS \(format(usage().peakMiB)) MiB; cluster peak RSS \(format(usage(of: String(cluster.processIdentifier)).peakMiB)) MiB")

background.cancel()
await client.shutdown()
