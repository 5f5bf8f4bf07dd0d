public import ArgumentParser
import Foundation
public import LocalCluster

/// `wharf cluster start`: runs the embedded cluster in the foreground until interrupted.
struct ClusterStartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Start the embedded cluster in the foreground and print where its kubeconfig is.",
        discussion: "Use the printed kubeconfig with kubectl: KUBECONFIG=<path> kubectl get nodes"
    )

    @Option(name: .customLong("data-dir"), help: "Where the cluster keeps its state, certificates and kubeconfig.")
    var dataDirectory: String = FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".wharf/cluster").path

    @Option(name: .customLong("port"), help: "The HTTPS port to listen on (0 picks a free one).")
    var port: Int = 6443

    @Option(name: .customLong("host"), help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(name: .customLong("kubeconfig-out"), help: "Where to write the kubeconfig (default: DATA_DIR/kubeconfig).")
    var kubeconfigOut: String?

    @Option(name: .customLong("profile"), help: "Workload simulation: fast (no delays, for tests) or realistic (jittered, for demos).")
    var profile: LocalClusterConfiguration.Profile = .fast

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, got \(port)") }
    }

    func run() async throws {
        let configuration = LocalClusterConfiguration(
            dataDirectory: URL(fileURLWithPath: dataDirectory), host: host, port: port,
            kubeconfigPath: kubeconfigOut.map { URL(fileURLWithPath: $0) }, profile: profile)
        do {
            try await LocalCluster.run(configuration, handleSignals: true) { endpoint in
                // Unbuffered: scripts read these lines through a pipe and must get them now.
                let lines = """
                    Wharf local cluster listening on \(endpoint.url)
                    kubeconfig: \(endpoint.kubeconfigPath.path)
                    try: KUBECONFIG=\(endpoint.kubeconfigPath.path) kubectl get namespaces

                    """
                FileHandle.standardOutput.write(Data(lines.utf8))
            }
        } catch {
            FileHandle.standardError.write(Data("error: the cluster could not run: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}

extension LocalClusterConfiguration.Profile: ExpressibleByArgument {}
