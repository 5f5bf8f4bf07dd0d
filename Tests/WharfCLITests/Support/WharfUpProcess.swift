import ClusterTestSupport
import Foundation

/// `wharf up` started by a test on free ports, with what it printed read back: the kubeconfig of
/// its embedded cluster and the API server's URL.
final class WharfUpProcess {
    let command: BackgroundCommand
    /// The embedded cluster's kubeconfig.
    let kubeconfig: String
    /// The API server's URL, `https://127.0.0.1:PORT`.
    let url: String

    /// `host:port` of the API server, as `wharf login` takes it.
    var address: String { String(url.dropFirst("https://".count)) }
    /// Everything it printed so far.
    var output: String { command.output }

    /// Starts it with its data in `dataDirectory` and waits until the controller and the API server run.
    init(dataDirectory: URL) throws {
        command = try BackgroundCommand(
            CommandRunner.wharfPath, ["up", "--data-dir", dataDirectory.path, "--port", "0", "--api-port", "0", "--metrics-port", "0"])
        guard command.waitForOutput(timeout: 90, { $0.contains("Wharf API server listening on") && $0.contains("watching Applications") }) else {
            command.stop()
            throw TestFailure("wharf up did not start within 90 s:\n\(command.output)")
        }
        let lines = command.output.split(separator: "\n")
        func value(after prefix: String) throws -> String {
            guard let line = lines.first(where: { $0.hasPrefix(prefix) }) else { throw TestFailure("wharf up printed no \"\(prefix)\" line:\n\(lines.joined(separator: "\n"))") }
            return String(line.dropFirst(prefix.count))
        }
        kubeconfig = try value(after: "kubeconfig: ")
        url = try value(after: "Wharf API server listening on ")
    }

    /// The initial admin password, read as the README says.
    func initialPassword() throws -> String {
        try CommandRunner.wharf(["admin", "initial-password", "--kubeconfig", kubeconfig]).standardOutput.split(separator: "\n").first.map(String.init) ?? ""
    }

    func stop() { command.stop() }
}
