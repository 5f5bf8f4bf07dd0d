import ClusterTestSupport
import Foundation

/// A cluster (`wharf cluster start`) with Argo CD's definitions installed and `wharf controller`
/// running against it, as a user sets Wharf up before using `wharf proj` and `wharf appset`.
final class ArgoInstallation {
    let cluster: ClusterProcess
    private let controller: SpawnedProcess
    private let scratch: TemporaryDirectory

    /// Starts both and waits until the controller watches (so the definitions are served).
    init() throws {
        cluster = try ClusterProcess()
        scratch = try TemporaryDirectory()
        let log = scratch.url.appendingPathComponent("controller.log")
        controller = try SpawnedProcess(
            CommandRunner.wharfPath,
            ["controller", "--kubeconfig", cluster.kubeconfig, "--cache-dir", scratch.url.appendingPathComponent("cache").path, "--metrics-port", "0"],
            outputFile: log, errorFile: log)
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let text = try? String(contentsOf: log, encoding: .utf8), text.contains("watching Applications") { return }
            guard controller.exitStatus() == nil else { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TestFailure("the controller did not start: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
    }

    /// Runs `wharf ARGUMENTS --kubeconfig ...` against the cluster.
    func wharf(_ arguments: [String], input: String? = nil) throws -> CommandRunner.Result {
        try CommandRunner.wharf(arguments + ["--kubeconfig", cluster.kubeconfig], input: input)
    }

    /// Runs it and returns its standard output, failing with its error output when it fails.
    func wharfOutput(_ arguments: [String], input: String? = nil) throws -> String {
        let result = try wharf(arguments, input: input)
        guard result.exitCode == 0 else {
            throw TestFailure("wharf \(arguments.joined(separator: " ")) exited \(result.exitCode): \(result.standardError)")
        }
        return result.standardOutput
    }

    deinit {
        controller.signalGroup(SIGTERM)
        if controller.waitForExitBlocking(timeout: .seconds(20)) == nil {
            controller.signalGroup(SIGKILL)
            controller.waitForExitBlocking(timeout: .seconds(20))
        }
    }
}
