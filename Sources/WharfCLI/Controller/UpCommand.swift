import APIServer
import ArgumentParser
import Foundation
import LocalCluster

/// `wharf up`: the embedded cluster and the application controller in one process — Wharf on a
/// machine without Kubernetes — or, with `--kubeconfig`, the controller for an existing cluster.
struct UpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "up",
        abstract: "Run Wharf: the embedded cluster plus the application controller (or the controller alone with --kubeconfig).",
        discussion: "Then: KUBECONFIG=<printed path> kubectl apply -n argocd -f application.yaml"
    )

    @Option(name: .customLong("data-dir"), help: "Where the cluster and the repo server keep their state.")
    var dataDirectory: String = FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".wharf").path

    @Option(name: .customLong("port"), help: "The embedded cluster's HTTPS port (0 picks a free one).")
    var port: Int = 6443

    @Option(name: .customLong("kubeconfig-out"), help: "Where to write the embedded cluster's kubeconfig (default: DATA_DIR/cluster/kubeconfig).")
    var kubeconfigOut: String?

    @Option(help: "Manage this existing cluster instead of starting the embedded one.")
    var kubeconfig: String?

    @Option(help: "The namespace holding Applications, AppProjects and settings.")
    var namespace = "argocd"

    @Option(name: .customLong("metrics-port"), help: "Serve the controller's Prometheus metrics at http://127.0.0.1:PORT/metrics (0 picks a free port; -1 turns them off).")
    var metricsPort = 8082

    @Option(name: .customLong("api-port"), help: "The API server's port (0 picks a free one; -1 runs no API server).")
    var apiPort = 8080

    @Option(name: .customLong("api-address"), help: "The address the API server listens on.")
    var apiAddress = "127.0.0.1"

    @Flag(help: "Serve the API over plain HTTP instead of TLS.")
    var insecure = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, got \(port)") }
        guard (-1...65535).contains(apiPort) else { throw ValidationError("--api-port must be between 0 and 65535 (or -1 for none), got \(apiPort)") }
    }

    func run() async throws {
        let data = URL(fileURLWithPath: dataDirectory)
        let cache = data.appendingPathComponent("repo-server")
        let namespace = namespace
        let metricsPort = metricsPort < 0 ? nil : metricsPort
        let api = apiPort < 0 ? nil : APIServerConfiguration(
                namespace: namespace, host: apiAddress, port: apiPort, insecure: insecure, version: WharfVersion.current,
                repoCacheDirectory: data.appendingPathComponent("repo-server-api"))
        do {
            if let kubeconfig {
                try await SignalScope.run {
                    try await Self.runControllerAndServer(kubeconfig: kubeconfig, api: api, embedded: false) {
                        try await ControllerLauncher.run(kubeconfig: kubeconfig, namespace: namespace, cacheDirectory: cache, metricsPort: metricsPort)
                    }
                }
                return
            }
            let configuration = LocalClusterConfiguration(
                dataDirectory: data.appendingPathComponent("cluster"), port: port, kubeconfigPath: kubeconfigOut.map { URL(fileURLWithPath: $0) })
            // Signals cancel both halves together: the controller closes its watches, which lets the
            // cluster's graceful shutdown finish (it waits for open requests).
            try await SignalScope.run {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    let (ready, continuation) = AsyncStream.makeStream(of: LocalClusterEndpoint.self)
                    group.addTask {
                        defer { continuation.finish() }
                        try await LocalCluster.run(configuration, handleSignals: false) { endpoint in
                            let lines = """
                                Wharf local cluster listening on \(endpoint.url)
                                kubeconfig: \(endpoint.kubeconfigPath.path)
                                try: KUBECONFIG=\(endpoint.kubeconfigPath.path) kubectl get applications -n \(namespace)

                                """
                            FileHandle.standardOutput.write(Data(lines.utf8))
                            continuation.yield(endpoint)
                        }
                    }
                    group.addTask {
                        var endpoints = ready.makeAsyncIterator()
                        guard let endpoint = await endpoints.next() else { return }
                        let kubeconfig = endpoint.kubeconfigPath.path
                        try await Self.runControllerAndServer(kubeconfig: kubeconfig, api: api, embedded: true) {
                            try await ControllerLauncher.run(kubeconfig: kubeconfig, namespace: namespace, cacheDirectory: cache, metricsPort: metricsPort, embedded: true)
                        }
                    }
                    try await group.next()
                    group.cancelAll()
                }
            }
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }

    /// Runs the controller and, unless `api` is nil, the API server beside it; either one ending ends both.
    private static func runControllerAndServer(
        kubeconfig: String, api: APIServerConfiguration?, embedded: Bool, controller: @escaping @Sendable () async throws -> Void
    ) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await controller() }
            if let api { group.addTask { try await APIServerLauncher.run(kubeconfig: kubeconfig, configuration: api, embedded: embedded) } }
            try await group.next()
            group.cancelAll()
        }
    }
}
