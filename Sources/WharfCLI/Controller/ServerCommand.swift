import APIServer
import ArgumentParser
import Foundation

/// `wharf server`: the API server alone, against a cluster, as `argocd-server` runs.
struct ServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "server", abstract: "Run the API server (REST API, login, RBAC, webhooks) against the cluster a kubeconfig points to.")

    @Option(help: "The kubeconfig of the cluster (default: $KUBECONFIG or ~/.kube/config).")
    var kubeconfig: String?

    @Option(help: "The namespace holding Applications, AppProjects and settings.")
    var namespace = "argocd"

    @Option(help: "The port to listen on (0 picks a free one).")
    var port = 8080

    @Option(help: "The address to listen on.")
    var address = "127.0.0.1"

    @Flag(help: "Serve plain HTTP instead of TLS.")
    var insecure = false

    @Option(name: .customLong("cache-dir"), help: "Where Git mirrors and generated manifests are cached (default: ~/.wharf/api-repo-server).")
    var cacheDirectory: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, got \(port)") }
    }

    func run() async throws {
        let path = KubeconfigPath.resolve(kubeconfig)
        let cache = cacheDirectory.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".wharf/api-repo-server")
        let configuration = APIServerConfiguration(
            namespace: namespace, host: address, port: port, insecure: insecure, version: WharfVersion.current, repoCacheDirectory: cache)
        do {
            try await SignalScope.run { try await APIServerLauncher.run(kubeconfig: path, configuration: configuration, embedded: false) }
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
