// The embedded cluster under load over real HTTPS, with the server in this process: ConfigMap creates
// per second (one client, then 8 concurrent clients; in memory and with SQLite persistence), watch
// delivery latency to 10 watchers, and resident memory with 100,000 stored objects.
// Run with: swift build -c release --product LocalClusterBenchmark && .build/release/LocalClusterBenchmark [creates] [stored]
import AsyncHTTPClient
import Foundation
import KubeModel
import LocalCluster
import NIOCore
import NIOHTTP1
import NIOSSL

let createCount = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 10_000
let storedTarget = CommandLine.arguments.dropFirst(2).first.flatMap(Int.init) ?? 100_000
let concurrentClients = 8
let watcherCount = 10
let watchedCreates = 2_000
/// Writers used only to reach `storedTarget` quickly; not a measured figure.
let fillClients = 16
/// Every create and read; generous, because a 2-core machine under a full benchmark can stall briefly.
let requestTimeout = TimeAmount.seconds(30)

/// Starts a cluster in this process and returns where it listens, once it does, and the task serving it.
func startCluster(dataDirectory: URL?) async throws -> (LocalClusterEndpoint, Task<Void, any Error>) {
    let (ready, readyContinuation) = AsyncStream.makeStream(of: LocalClusterEndpoint.self)
    let configuration = LocalClusterConfiguration(dataDirectory: dataDirectory, port: 0, contextName: "benchmark")
    let task = Task {
        // Finishing the stream on failure too, so that a cluster that cannot start ends the wait below.
        defer { readyContinuation.finish() }
        try await LocalCluster.run(configuration) { endpoint in readyContinuation.yield(endpoint) }
    }
    for await endpoint in ready { return (endpoint, task) }
    try await task.value
    fatalError("the cluster stopped before it was ready")
}

/// A client that trusts only the cluster's CA and keeps up to `connections` connections open.
func makeClient(_ endpoint: LocalClusterEndpoint, connections: Int = 1) throws -> HTTPClient {
    var tls = TLSConfiguration.makeClientConfiguration()
    tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(endpoint.caCertificatePEM.utf8)))
    var configuration = HTTPClient.Configuration(
        tlsConfiguration: tls, timeout: .init(connect: .seconds(10), read: requestTimeout))
    configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: connections)
    return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
}

func request(_ endpoint: LocalClusterEndpoint, _ path: String, method: HTTPMethod = .GET, body: String? = nil) -> HTTPClientRequest {
    var request = HTTPClientRequest(url: endpoint.url + path)
    request.method = method
    request.headers.add(name: "Authorization", value: "Bearer \(endpoint.token)")
    if let body {
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: body))
    }
    return request
}

/// A ConfigMap of a realistic small size (~300 bytes), such as an application's settings.
func configMapJSON(_ name: String, index: Int) -> String {
    #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"\#(name)","labels":{"app":"benchmark","shard":"\#(index % 16)"}},"#
        + #""data":{"config.yaml":"replicas: 3\nimage: registry.example.com/app:1.\#(index % 7).0\nlogLevel: info\n","index":"\#(index)"}}"#
}

/// Posts `body` and fails loudly on anything but `expected`, so that a figure is never a rate of errors.
func post(_ client: HTTPClient, _ endpoint: LocalClusterEndpoint, _ path: String, _ body: String, expected: HTTPResponseStatus = .created)
    async throws
{
    let response = try await client.execute(request(endpoint, path, method: .POST, body: body), timeout: requestTimeout)
    let answer = try await response.body.collect(upTo: 1 << 20)
    guard response.status == expected else {
        fatalError("POST \(path) answered \(response.status): \(String(buffer: answer))")
    }
}

func createConfigMaps(_ client: HTTPClient, _ endpoint: LocalClusterEndpoint, namespace: String, prefix: String, _ indices: Range<Int>)
    async throws
{
    for index in indices {
        try await post(client, endpoint, "/api/v1/namespaces/\(namespace)/configmaps", configMapJSON("\(prefix)-\(index)", index: index))
    }
}

/// `count` creates from each of `clients` clients at once (each its own HTTPClient and connection);
/// returns creates per second over all of them.
func measureCreates(_ endpoint: LocalClusterEndpoint, clients: Int, count: Int, namespace: String, prefix: String) async throws -> Double {
    let perClient = count / clients
    let clientsUsed = try (0..<clients).map { _ in try makeClient(endpoint) }
    let start = ContinuousClock.now
    try await withThrowingTaskGroup(of: Void.self) { group in
        for (number, client) in clientsUsed.enumerated() {
            group.addTask {
                try await createConfigMaps(client, endpoint, namespace: namespace, prefix: "\(prefix)\(number)", 0..<perClient)
            }
        }
        try await group.waitForAll()
    }
    let elapsed = ContinuousClock.now - start
    for client in clientsUsed { try await client.shutdown() }
    return Double(perClient * clients) / seconds(elapsed)
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// Watches ConfigMaps in `namespace` until `expected` ADDED events arrived; returns when each name arrived.
/// `ready` is called once the server has answered, which it does only after registering the watch.
func watchAdded(_ client: HTTPClient, _ endpoint: LocalClusterEndpoint, namespace: String, expected: Int, ready: @Sendable () -> Void)
    async throws -> [String: ContinuousClock.Instant]
{
    // The server ends the watch after timeoutSeconds, and the client deadline bounds the whole stream.
    let path = "/api/v1/namespaces/\(namespace)/configmaps?watch=true&timeoutSeconds=600"
    let response = try await client.execute(request(endpoint, path), timeout: .seconds(600))
    guard response.status == .ok else { fatalError("the watch answered \(response.status)") }
    ready()
    var arrivals: [String: ContinuousClock.Instant] = [:]
    var pending: [UInt8] = []
    for try await chunk in response.body {
        let received = ContinuousClock.now
        pending.append(contentsOf: chunk.readableBytesView)
        while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
            let line = Array(pending[..<newline])
            pending.removeSubrange(...newline)
            let event = try JSONParser.parse(bytes: line)
            guard event["type"]?.stringValue == "ADDED", let name = event[path: ["object", "metadata", "name"]]?.stringValue else { continue }
            arrivals[name] = received
        }
        if arrivals.count >= expected { return arrivals }
    }
    fatalError("the watch ended after \(arrivals.count) of \(expected) events")
}

/// Sequential creates seen by `watchers` watchers; returns each delivery's latency, from just before the
/// create is sent to the watcher reading its ADDED line.
func measureWatchLatency(_ endpoint: LocalClusterEndpoint, watchers: Int, creates: Int) async throws -> [Duration] {
    // A namespace of its own, so that watchers start empty instead of replaying every earlier create as ADDED.
    let namespace = "watch-benchmark"
    let setup = try makeClient(endpoint)
    try await post(setup, endpoint, "/api/v1/namespaces", #"{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"\#(namespace)"}}"#)
    let watchClient = try makeClient(endpoint, connections: watchers)
    let (readiness, readinessContinuation) = AsyncStream.makeStream(of: Void.self)
    return try await withThrowingTaskGroup(of: [String: ContinuousClock.Instant].self) { group in
        for _ in 0..<watchers {
            group.addTask {
                try await watchAdded(watchClient, endpoint, namespace: namespace, expected: creates) { readinessContinuation.yield() }
            }
        }
        var readyWatchers = 0
        for await _ in readiness {
            readyWatchers += 1
            if readyWatchers == watchers { break }
        }
        var sent: [String: ContinuousClock.Instant] = [:]
        for index in 0..<creates {
            let name = "watched-\(index)"
            sent[name] = ContinuousClock.now
            try await post(setup, endpoint, "/api/v1/namespaces/\(namespace)/configmaps", configMapJSON(name, index: index))
        }
        var latencies: [Duration] = []
        for try await arrivals in group {
            for (name, arrived) in arrivals {
                guard let start = sent[name] else { continue }
                latencies.append(arrived - start)
            }
        }
        try await watchClient.shutdown()
        try await setup.shutdown()
        return latencies
    }
}

/// The process's resident set in MiB, from the kernel's own accounting (the server runs in this process).
func residentMiB() -> Double {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
        let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
    else { return .nan }
    return kilobytes / 1024
}

func format(_ value: Double, _ decimals: Int = 0) -> String { String(format: "%.\(decimals)f", value) }

func milliseconds(_ duration: Duration) -> String { format(seconds(duration) * 1000, 2) }

func stop(_ task: Task<Void, any Error>) async {
    task.cancel()
    _ = await task.result
}

func runBenchmark() async throws {
    print("LocalCluster over HTTPS (server in this process), \(ProcessInfo.processInfo.activeProcessorCount) cores")

    let (memory, memoryTask) = try await startCluster(dataDirectory: nil)
    let baseline = residentMiB()
    let sequential = try await measureCreates(memory, clients: 1, count: createCount, namespace: "default", prefix: "one")
    let concurrent = try await measureCreates(memory, clients: concurrentClients, count: createCount, namespace: "default", prefix: "many")
    print("in memory: \(format(sequential)) creates/s from 1 client, \(format(concurrent)) creates/s from \(concurrentClients) clients (\(createCount) ConfigMaps each)")

    let latencies = try await measureWatchLatency(memory, watchers: watcherCount, creates: watchedCreates).sorted()
    let expectedDeliveries = watcherCount * watchedCreates
    guard latencies.count == expectedDeliveries else { fatalError("\(latencies.count) of \(expectedDeliveries) deliveries seen") }
    print(
        "watch delivery to \(watcherCount) watchers (\(watchedCreates) sequential creates): p50 \(milliseconds(latencies[latencies.count / 2])) ms, "
            + "p99 \(milliseconds(latencies[latencies.count * 99 / 100])) ms, max \(milliseconds(latencies[latencies.count - 1])) ms")

    let stored = 2 * createCount + watchedCreates
    let fill = storedTarget - stored
    if fill > 0 {
        let rate = try await measureCreates(memory, clients: fillClients, count: fill, namespace: "default", prefix: "fill")
        print("filled to \(storedTarget) ConfigMaps over HTTPS with \(fillClients) concurrent clients at \(format(rate)) creates/s")
    }
    print("RSS: \(format(baseline)) MiB at start, \(format(residentMiB())) MiB with \(max(storedTarget, stored)) stored ConfigMaps")
    await stop(memoryTask)

    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-benchmark-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let (persistent, persistentTask) = try await startCluster(dataDirectory: directory)
    let durableSequential = try await measureCreates(persistent, clients: 1, count: createCount, namespace: "default", prefix: "one")
    let durableConcurrent = try await measureCreates(
        persistent, clients: concurrentClients, count: createCount, namespace: "default", prefix: "many")
    print("SQLite: \(format(durableSequential)) creates/s from 1 client, \(format(durableConcurrent)) creates/s from \(concurrentClients) clients")
    await stop(persistentTask)
}

try await runBenchmark()
