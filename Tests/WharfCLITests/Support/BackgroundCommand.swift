import ClusterTestSupport
import Foundation

/// A command left running while a test does other things (`kubectl get -w`), whose output can be
/// awaited line by line. Spawned with ``SpawnedProcess`` rather than Foundation's `Process`, whose
/// `run()` crashed in CI with many processes starting at once.
final class BackgroundCommand {
    /// The child (its pid, for signals from other tasks).
    let process: SpawnedProcess
    private let outputFile: URL

    init(_ executable: String, _ arguments: [String]) throws {
        outputFile = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-bg-\(UUID().uuidString).out")
        FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        process = try SpawnedProcess(executable, arguments, outputFile: outputFile, errorFile: outputFile)
    }

    /// Everything the command printed so far.
    var output: String { (try? String(contentsOf: outputFile, encoding: .utf8)) ?? "" }

    /// Waits up to `timeout` seconds until the output satisfies `condition`; returns whether it did.
    func waitForOutput(timeout: Double = 30, _ condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition(output) { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return condition(output)
    }

    /// Sends SIGINT (Ctrl-C) and waits up to `timeout` seconds for the command to exit; its exit
    /// status, or nil if it is still running.
    func interrupt(timeout: Double = 30) -> Int32? {
        kill(process.pid, SIGINT)
        return process.waitForExitBlocking(timeout: .milliseconds(Int(timeout * 1000)))
    }

    /// Stops the command: SIGTERM, then SIGKILL if it still runs a second later.
    func stop() {
        guard process.exitStatus() == nil else { return }
        process.signalGroup(SIGTERM)
        if process.waitForExitBlocking(timeout: .seconds(1)) == nil {
            process.signalGroup(SIGKILL)
            process.waitForExitBlocking(timeout: .seconds(10))
        }
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: outputFile)
    }
}
