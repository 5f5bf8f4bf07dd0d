import ArgumentParser
import Foundation

/// `wharf controller`: runs the application controller against a cluster.
struct ControllerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "controller",
        abstract: "Run the application controller against the cluster a kubeconfig points to.",
        discussion: "It installs the Application and AppProject definitions and the default project, then reconciles Applications until interrupted."
    )

    @Option(help: "The kubeconfig of the cluster to manage (default: $KUBECONFIG or ~/.kube/config).")
    var kubeconfig: String?

    @Option(help: "The namespace holding Applications, AppProjects and settings.")
    var namespace = "argocd"

    @Option(name: .customLong("cache-dir"), help: "Where Git mirrors and generated manifests are cached (default: ~/.wharf/repo-server).")
    var cacheDirectory: String?

    @Option(name: .customLong("metrics-port"), help: "Serve the controller's Prometheus metrics at http://127.0.0.1:PORT/metrics (0 picks a free port; -1 turns them off).")
    var metricsPort = 8082

    func run() async throws {
        let path = KubeconfigPath.resolve(kubeconfig)
        let cache = cacheDirectory.map { URL(fileURLWithPath: $0) } ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".wharf/repo-server")
        let namespace = namespace
        let metricsPort = metricsPort < 0 ? nil : metricsPort
        do {
            try await SignalScope.run { try await ControllerLauncher.run(kubeconfig: path, namespace: namespace, cacheDirectory: cache, metricsPort: metricsPort) }
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
