import ClusterTestSupport
import Foundation
import ProcessRunner

/// The real kubectl, run against a test cluster through the kubeconfig the cluster wrote.
struct Kubectl {
    /// kubectl's path, or nil when it is not installed.
    static let path = ChildProcess.locate("kubectl")

    let kubeconfig: URL

    /// Runs `kubectl` with `arguments`; returns its standard output, or throws with its error output.
    func run(_ arguments: [String]) async throws -> String {
        let result = try await ChildProcess(Self.path ?? "kubectl", arguments: ["--kubeconfig", kubeconfig.path] + arguments, timeout: .seconds(60)).run()
        guard result.status == 0 else {
            throw TestFailure("kubectl \(arguments.joined(separator: " ")) exited \(result.status): \(result.errorText)")
        }
        return result.outputText
    }
}
