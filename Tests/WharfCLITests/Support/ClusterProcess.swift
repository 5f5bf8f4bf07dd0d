import ClusterTestSupport
import Foundation

/// A `wharf cluster start` running as its own process on a free port, as a user runs it, with
/// kubectl pointed at it through the kubeconfig it writes.
final class ClusterProcess {
    /// Where the cluster keeps its state; reused by a restart.
    let dataDirectory: URL
    /// The kubeconfig this run wrote.
    let kubeconfig: String
    private let process: SpawnedProcess
    private let removesDirectory: Bool

    enum StartFailure: Error, CustomStringConvertible {
        case notReady(String)
        var description: String {
            switch self {
            case .notReady(let log): "the cluster did not become ready; its output:\n\(log)"
            }
        }
    }

    /// Starts a cluster on `dataDirectory` (a fresh one when nil), with `arguments` added to
    /// `wharf cluster start`, and waits until it answers.
    init(dataDirectory: URL? = nil, arguments: [String] = []) throws {
        let directory = dataDirectory ?? FileManager.default.temporaryDirectory.appendingPathComponent("wharf-cluster-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        self.dataDirectory = directory
        removesDirectory = dataDirectory == nil
        // A new kubeconfig path per run, so a stale one from an earlier run is never mistaken for readiness.
        kubeconfig = directory.appendingPathComponent("kubeconfig-\(UUID().uuidString)").path
        let log = directory.appendingPathComponent("cluster.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        // Spawned and reaped here rather than through Foundation's Process, whose reaping was seen to
        // lag for tens of seconds on this 2-core machine under a full test run.
        process = try SpawnedProcess(
            CommandRunner.wharfPath, ["cluster", "start", "--data-dir", directory.path, "--port", "0", "--kubeconfig-out", kubeconfig] + arguments,
            outputFile: log, errorFile: log)
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if FileManager.default.fileExists(atPath: kubeconfig),
                let health = try? kubectl(["get", "--raw", "/healthz"]), health.standardOutput == "ok"
            {
                return
            }
            guard process.exitStatus() == nil else { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        stop()
        throw StartFailure.notReady(output)
    }

    /// Runs kubectl against this cluster, as the admin or as the user of another kubeconfig.
    @discardableResult
    func kubectl(_ arguments: [String], input: String? = nil, timeout: Double = 120, kubeconfig: String? = nil) throws -> CommandRunner.Result {
        try CommandRunner.run(
            CommandRunner.which("kubectl") ?? "/usr/bin/kubectl", ["--kubeconfig", kubeconfig ?? self.kubeconfig] + arguments, input: input,
            timeout: timeout)
    }

    /// Runs kubectl and returns its output, failing with kubectl's message when it fails.
    func kubectlOutput(_ arguments: [String], input: String? = nil) throws -> String {
        let result = try kubectl(arguments, input: input)
        guard result.exitCode == 0 else {
            throw CommandFailed(command: "kubectl " + arguments.joined(separator: " "), result: result)
        }
        return result.standardOutput
    }

    /// Creates (or updates) a ConfigMap with one data key through `kubectl apply`.
    func applyConfigMap(_ name: String, namespace: String) throws {
        let manifest = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \(name)\n  namespace: \(namespace)\ndata:\n  a: \"1\"\n"
        _ = try kubectlOutput(["apply", "-f", "-"], input: manifest)
    }

    /// The API server's URL, as the kubeconfig names it.
    func serverURL() throws -> String {
        try kubectlOutput(["config", "view", "--minify", "-o", "jsonpath={.clusters[0].cluster.server}"])
    }

    /// curl arguments that trust the cluster CA and authenticate as the admin, with the token read from
    /// a file so that it never appears in a process listing; append the URL and any other options.
    func adminCurlArguments() throws -> [String] {
        let token = try String(contentsOf: dataDirectory.appendingPathComponent("token"), encoding: .utf8)
        let headers = dataDirectory.appendingPathComponent("curl-headers")
        try "Authorization: Bearer \(token.trimmingCharacters(in: .whitespacesAndNewlines))\nContent-Type: application/json\n"
            .write(to: headers, atomically: true, encoding: .utf8)
        return ["curl", "-sS", "--cacert", dataDirectory.appendingPathComponent("ca.crt").path, "-H", "@\(headers.path)"]
    }

    /// Starts a long-running kubectl (such as `get -w`) whose output accumulates in a file.
    func startKubectl(_ arguments: [String]) throws -> BackgroundCommand {
        try BackgroundCommand(CommandRunner.which("kubectl") ?? "/usr/bin/kubectl", ["--kubeconfig", kubeconfig] + arguments)
    }

    /// Stops the cluster gracefully (SIGTERM) and waits for it to exit; returns whether it exited by
    /// itself within 20 seconds (it is killed otherwise, so that a test never hangs).
    @discardableResult
    func stop() -> Bool {
        guard process.exitStatus() == nil else { return true }
        kill(process.pid, SIGTERM)
        if process.waitForExitBlocking(timeout: .seconds(20)) != nil { return true }
        killNow()
        return false
    }

    /// Kills the cluster at once (SIGKILL), as a crash would.
    func killNow() {
        guard process.exitStatus() == nil else { return }
        process.signalGroup(SIGKILL)
        process.waitForExitBlocking(timeout: .seconds(20))
    }

    deinit {
        stop()
        if removesDirectory { try? FileManager.default.removeItem(at: dataDirectory) }
    }

    /// A kubectl command that exited non-zero.
    struct CommandFailed: Error, CustomStringConvertible {
        var command: String
        var result: CommandRunner.Result
        var description: String { "\(command) exited \(result.exitCode): \(result.standardError)\(result.standardOutput)" }
    }
}
