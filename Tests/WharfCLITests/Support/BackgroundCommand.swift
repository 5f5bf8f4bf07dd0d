import Foundation

/// A command left running while a test does other things (`kubectl get -w`), whose output can be
/// awaited line by line.
final class BackgroundCommand {
    private let process: Process
    private let outputFile: URL

    init(_ executable: String, _ arguments: [String]) throws {
        outputFile = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-bg-\(UUID().uuidString).out")
        FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        let handle = try FileHandle(forWritingTo: outputFile)
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
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
        process.interrupt()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        return process.isRunning ? nil : process.terminationStatus
    }

    /// Stops the command: SIGTERM, then SIGKILL if it still runs a second later, as tools that do not
    /// unblock signals (curl) inherit the test runner's blocked SIGTERM and would never exit.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(1)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: outputFile)
    }
}
