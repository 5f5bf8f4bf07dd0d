// The API server under load, on the embedded cluster (in this process): N Applications (2,000 by
// default) with realistic status, then C concurrent clients (50) that each, for S seconds (60),
// list all applications and get single ones in turn over HTTPS with a session token, as
// dashboards and scripts do. Prints the request counts, errors, and p50/p99 latency per call.
// Run with: swift build -c release --product APIServerBenchmark && .build/release/APIServerBenchmark [apps] [clients] [seconds]
import APIServer
import AppController
import AsyncHTTPClient
import ClusterTestSupport
import Foundation
import KubeClient
import KubeModel
import Logging
import NIOCore
import NIOHTTP1
import NIOSSL
import Synchronization

let arguments = CommandLine.arguments.dropFirst().compactMap(Int.init)
let appCount = arguments.first ?? 2_000
let clientCount = arguments.dropFirst().first ?? 50
let duration = Double(arguments.dropFirst(2).first ?? 60)

/// Latencies (milliseconds) and errors, shared by the clients.
final class Samples: Sendable {
    private let state = Mutex<(list: [Double], get: [Double], errors: Int, firstError: String?)>(([], [], 0, nil))

    func record(list: Bool, milliseconds: Double) {
        state.withLock { list ? $0.list.append(milliseconds) : $0.get.append(milliseconds) }
    }

    func fail(_ message: String) {
        state.withLock {
            $0.errors += 1
            if $0.firstError == nil { $0.firstError = message }
        }
    }

    var snapshot: (list: [Double], get: [Double], errors: Int, firstError: String?) { state.withLock { $0 } }
}

func percentile(_ values: [Double], _ fraction: Double) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * fraction))]
}

func application(_ index: Int) -> KubeObject {
    let name = String(format: "app-%05d", index)
    var object = KubeObject(apiVersion: "argoproj.io/v1alpha1", kind: "Application", name: name, namespace: "argocd")
    object.setLabel("team", "team-\(index % 10)")
    object["spec"] = [
        "project": "default", "source": ["repoURL": "https://git.example/org/apps.git", "path": .string("envs/\(name)"), "targetRevision": "main"],
        "destination": ["server": "https://kubernetes.default.svc", "namespace": .string(name)],
        "syncPolicy": ["automated": ["prune": true, "selfHeal": true], "syncOptions": ["CreateNamespace=true"]],
    ]
    return object
}

try await RunningCluster.with { cluster in
    let client = try cluster.client { $0.queriesPerSecond = .infinity; $0.burst = .max }
    let installer = CRDInstaller()
    try await installer.install(using: client)
    _ = try? await client.create(KubeObject(apiVersion: "v1", kind: "Namespace", name: "argocd"))
    try await installer.ensureDefaultProject(namespace: "argocd", using: client)
    let created = ContinuousClock.now
    try await withThrowingTaskGroup(of: Void.self) { group in
        for worker in 0..<8 {
            group.addTask {
                for index in stride(from: worker, to: appCount, by: 8) {
                    // Applications have no status subresource (as upstream's CRD): the status is written with the object.
                    var object = application(index)
                    object["status"] = [
                        "sync": ["status": "Synced", "revision": "0123456789abcdef0123456789abcdef01234567"], "health": ["status": "Healthy"],
                        "resources": [["version": "v1", "kind": "ConfigMap", "namespace": .string(object.name), "name": "settings", "status": "Synced", "health": ["status": "Healthy"]]],
                    ]
                    _ = try await client.create(ArgoCRDs.applications, namespace: "argocd", object)
                }
            }
        }
        try await group.waitForAll()
    }
    print("\(appCount) applications created in \(String(format: "%.1f", (ContinuousClock.now - created).seconds)) s")

    let (endpoints, announce) = AsyncStream.makeStream(of: APIServer.Endpoint.self)
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
            defer { announce.finish() }
            var quiet = Logger(label: "bench")
            quiet.logLevel = .critical
            try await APIServer.run(configuration: APIServerConfiguration(namespace: "argocd", port: 0), client: client, logger: quiet) { announce.yield($0) }
        }
        var iterator = endpoints.makeAsyncIterator()
        guard let endpoint = await iterator.next() else { fatalError("the API server did not start") }
        let base = endpoint.url.absoluteString
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.certificateVerification = .none
        var configuration = HTTPClient.Configuration(tlsConfiguration: tls)
        configuration.connectionPool = HTTPClient.Configuration.ConnectionPool(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: clientCount)
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let secret = try await client.get(GroupVersionResource(group: "", version: "v1", resource: "secrets"), namespace: "argocd", name: "argocd-initial-admin-secret")
        let password = String(decoding: Data(base64Encoded: secret[path: "data", "password"]?.stringValue ?? "") ?? Data(), as: UTF8.self)
        var login = HTTPClientRequest(url: base + "/api/v1/session")
        login.method = .POST
        login.body = .bytes(ByteBuffer(string: JSONWriter.string(["username": "admin", "password": .string(password)])))
        let answer = try await http.execute(login, timeout: .seconds(30)).body.collect(upTo: 1 << 20)
        let token = try JSONParser.parse(bytes: Array(buffer: answer))["token"]?.stringValue ?? ""

        // Wait until the server's cache holds every application.
        while true {
            var request = HTTPClientRequest(url: base + "/api/v1/applications")
            request.headers.add(name: "Authorization", value: "Bearer \(token)")
            let body = try await http.execute(request, timeout: .seconds(60)).body.collect(upTo: 512 << 20)
            if (try JSONParser.parse(bytes: Array(buffer: body)))["items"]?.arrayValue?.count == appCount { break }
            try await Task.sleep(for: .milliseconds(200))
        }

        // The dashboard's first load: the list with the fields its applications page asks for, one client at a time.
        let dashboardFields = ["metadata.name", "metadata.labels", "metadata.resourceVersion", "spec", "status.sync", "status.health", "status.operationState.phase",
            "status.operationState.finishedAt", "status.reconciledAt"].map { "items.\($0)" }.joined(separator: ",") + ",metadata.resourceVersion"
        var dashboard: [Double] = []
        var dashboardBytes = 0
        for _ in 0..<20 {
            var request = HTTPClientRequest(url: base + "/api/v1/applications?fields=" + dashboardFields)
            request.headers.add(name: "Authorization", value: "Bearer \(token)")
            let begin = ContinuousClock.now
            dashboardBytes = try await http.execute(request, timeout: .seconds(60)).body.collect(upTo: 512 << 20).readableBytes
            dashboard.append((ContinuousClock.now - begin).seconds * 1000)
        }
        print(String(format: "dashboard list (fields as the applications page asks, %d bytes, 20 in turn): p50 %.1f ms, max %.1f ms", dashboardBytes, percentile(dashboard, 0.5), dashboard.max() ?? 0))

        let samples = Samples()
        let deadline = ContinuousClock.now + .seconds(duration)
        let started = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { clients in
            for worker in 0..<clientCount {
                clients.addTask {
                    var round = 0
                    while ContinuousClock.now < deadline {
                        // One list for every five gets, as a dashboard refreshes its list while users open apps.
                        let isList = round % 6 == 0
                        let path = isList ? "/api/v1/applications" : "/api/v1/applications/" + String(format: "app-%05d", (worker * 7919 + round * 104_729) % appCount)
                        round += 1
                        var request = HTTPClientRequest(url: base + path)
                        request.headers.add(name: "Authorization", value: "Bearer \(token)")
                        let begin = ContinuousClock.now
                        do {
                            let response = try await http.execute(request, timeout: .seconds(60))
                            _ = try await response.body.collect(upTo: 512 << 20)
                            guard response.status == .ok else {
                                samples.fail("\(path): HTTP \(response.status.code)")
                                continue
                            }
                            samples.record(list: isList, milliseconds: (ContinuousClock.now - begin).seconds * 1000)
                        } catch {
                            samples.fail("\(path): \(error)")
                        }
                    }
                }
            }
            try await clients.waitForAll()
        }
        let elapsed = (ContinuousClock.now - started).seconds
        let result = samples.snapshot
        print("\(clientCount) clients for \(String(format: "%.0f", elapsed)) s against \(appCount) applications: \(result.list.count + result.get.count) requests (\(String(format: "%.0f", Double(result.list.count + result.get.count) / elapsed))/s), \(result.errors) errors\(result.firstError.map { " (first: \($0))" } ?? "")")
        print(String(format: "  list (%d): p50 %.1f ms, p99 %.1f ms", result.list.count, percentile(result.list, 0.5), percentile(result.list, 0.99)))
        print(String(format: "  get  (%d): p50 %.1f ms, p99 %.1f ms", result.get.count, percentile(result.get, 0.5), percentile(result.get, 0.99)))
        try await http.shutdown()
        group.cancelAll()
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
