// KubeClient against the embedded cluster over HTTPS: server-side apply throughput for 10,000
// ConfigMaps from 1 and from 16 concurrent tasks, and an informer's initial sync of 100,000 objects
// (time, and the client's resident memory). The cluster runs as its own process (this executable
// started again with `serve`, SQLite persistence, as users run it), so the memory figure is the
// client's alone.
// Run with: swift build -c release --product KubeClientBenchmark && .build/release/KubeClientBenchmark [applies] [informer objects]
import Foundation
import KubeClient
import KubeModel
import LocalCluster

if CommandLine.arguments.dropFirst().first == "serve", let directory = CommandLine.arguments.dropFirst(2).first {
    try await LocalCluster.run(LocalClusterConfiguration(dataDirectory: URL(fileURLWithPath: directory), port: 0), handleSignals: true) { endpoint in
        FileHandle.standardOutput.write(Data("kubeconfig: \(endpoint.kubeconfigPath.path)\n".utf8))
    }
    exit(0)
}

let applyCount = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 10_000
let informerCount = CommandLine.arguments.dropFirst(2).first.flatMap(Int.init) ?? 100_000
let configMaps = GroupVersionResource(group: "", version: "v1", resource: "configmaps")

/// Starts the cluster as a second process of this executable and returns it with its kubeconfig.
func startCluster() throws -> (Process, URL) {
    let executable = URL(fileURLWithPath: CommandLine.arguments[0])
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-kubeclient-benchmark-\(UUID().uuidString)")
    let process = Process()
    process.executableURL = executable
    process.arguments = ["serve", directory.path]
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

func residentMiB() -> Double {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
        let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
    else { return .nan }
    return kilobytes / 1024
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func configMap(_ name: String, namespace: String, index: Int) -> KubeObject {
    var object = KubeObject(apiVersion: "v1", kind: "ConfigMap", name: name, namespace: namespace)
    object["data"] = ["config.yaml": .string("replicas: 3\nimage: registry.example.com/app:1.\(index % 7).0\nlogLevel: info\n"), "index": .string(String(index))]
    object.setLabel("app", "benchmark")
    return object
}

/// Applies `count` ConfigMaps from `tasks` concurrent tasks; returns applies per second.
func applyThroughput(_ client: KubeClient, namespace: String, count: Int, tasks: Int) async throws -> Double {
    let start = ContinuousClock.now
    try await withThrowingTaskGroup(of: Void.self) { group in
        for task in 0..<tasks {
            group.addTask {
                for index in stride(from: task, to: count, by: tasks) {
                    // The live state is known to be absent, as a controller with a cache would know it.
                    let result = try await client.apply(
                        configMap("cm-\(index)", namespace: namespace, index: index), fieldManager: "benchmark", live: .some(nil))
                    precondition(result.object.name == "cm-\(index)")
                }
            }
        }
        try await group.waitForAll()
    }
    return Double(count) / seconds(ContinuousClock.now - start)
}

let (server, kubeconfig) = try startCluster()
defer { server.terminate() }
var configuration = try ClientConfiguration.fromKubeconfig(paths: [kubeconfig])
// Measure the client and server, not the politeness limit (50/s by default).
configuration.queriesPerSecond = 1_000_000
configuration.burst = 1_000_000
let client = try KubeClient(configuration: configuration)
for namespace in ["apply-1", "apply-16", "informer"] {
    _ = try await client.create(KubeObject(apiVersion: "v1", kind: "Namespace", name: namespace))
}

print("KubeClient benchmark (\(ProcessInfo.processInfo.activeProcessorCount) cores, release)")
let single = try await applyThroughput(client, namespace: "apply-1", count: applyCount, tasks: 1)
print("server-side apply, \(applyCount) ConfigMaps, 1 task:   \(Int(single)) applies/s")
let concurrent = try await applyThroughput(client, namespace: "apply-16", count: applyCount, tasks: 16)
print("server-side apply, \(applyCount) ConfigMaps, 16 tasks: \(Int(concurrent)) applies/s")

// Fill the informer's namespace with plain creates (not measured).
try await withThrowingTaskGroup(of: Void.self) { group in
    for task in 0..<16 {
        group.addTask {
            for index in stride(from: task, to: informerCount, by: 16) {
                _ = try await client.create(configMaps, namespace: "informer", configMap("obj-\(index)", namespace: "informer", index: index))
            }
        }
    }
    try await group.waitForAll()
}

let before = residentMiB()
let informer = SharedInformer(client: client, resource: configMaps, namespace: "informer")
let start = ContinuousClock.now
await withTaskGroup(of: Void.self) { group in
    group.addTask { await informer.run() }
    await informer.waitForCacheSync()
    let elapsed = ContinuousClock.now - start
    let cached = await informer.count
    precondition(cached == informerCount, "informer cached \(cached) of \(informerCount)")
    let after = residentMiB()
    print("informer initial sync, \(informerCount) ConfigMaps: \(String(format: "%.2f", seconds(elapsed))) s "
        + "(\(Int(Double(informerCount) / seconds(elapsed))) objects/s), client RSS \(String(format: "%.0f", before)) → \(String(format: "%.0f", after)) MiB")
    group.cancelAll()
}
print("requests: \(client.metrics.requests.values.reduce(0, +)), retries: \(client.metrics.retries)")
await client.shutdown()
