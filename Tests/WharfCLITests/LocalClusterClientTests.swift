import Foundation
import Testing

/// The official Python `kubernetes` client against `wharf cluster start`, and durability under kill -9.
@Suite(.mayBlock, .enabled(if: PythonClient.isAvailable, "needs the Python kubernetes client: scripts/test installs it into .venv"))
struct LocalClusterClientTests {
    @Test func pythonClientListsWatchesCreatesPatchesAndDeletes() throws {
        let cluster = try ClusterProcess()
        let result = try CommandRunner.run(PythonClient.python!, [PythonClient.script("kubernetes_client_check.py"), cluster.kubeconfig])
        #expect(result.exitCode == 0 && result.standardOutput.contains("ok"), "\(result.standardError)\(result.standardOutput)")
    }

    @Test func killNineLosesNoAcknowledgedWrite() throws {
        let directory = try TemporaryDirectory()
        let cluster = try ClusterProcess(dataDirectory: directory.url)
        let writer = try BackgroundCommand(PythonClient.python!, [PythonClient.script("acknowledged_writes.py"), cluster.kubeconfig, "1000"])
        // Kill the server in the middle of the writes.
        #expect(writer.waitForOutput(timeout: 120) { $0.split(separator: "\n").count >= 300 }, "writer printed: \(writer.output.suffix(500))")
        cluster.killNow()
        writer.stop()
        let acknowledged = Set(writer.output.split(separator: "\n").map(String.init).filter { $0.hasPrefix("ack-") })
        #expect(acknowledged.count >= 300)
        let restarted = try ClusterProcess(dataDirectory: directory.url)
        let stored = Set(try restarted.kubectlOutput(["get", "configmaps", "-n", "default", "-o", "jsonpath={.items[*].metadata.name}"]).split(separator: " ").map(String.init))
        let lost = acknowledged.subtracting(stored)
        #expect(lost.isEmpty, "acknowledged but lost after kill -9: \(lost.sorted().prefix(20))")
    }
}

/// Where the test virtual environment's Python with the `kubernetes` package is.
enum PythonClient {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let python: String? = {
        let candidate = ProcessInfo.processInfo.environment["WHARF_TEST_PYTHON"] ?? repositoryRoot.appendingPathComponent(".venv/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: candidate),
            let probe = try? CommandRunner.run(candidate, ["-c", "import kubernetes"]), probe.exitCode == 0
        else { return nil }
        return candidate
    }()

    static var isAvailable: Bool { python != nil && CommandRunner.which("kubectl") != nil }

    static func script(_ name: String) -> String {
        repositoryRoot.appendingPathComponent("Tests/Python/\(name)").path
    }
}
