import ClusterTestSupport
import Foundation

/// Runs real executables — the built `wharf` and tools such as kubectl — and captures what they print.
enum CommandRunner {
    /// What a finished command produced.
    struct Result {
        var exitCode: Int32
        var standardOutput: String
        var standardError: String
    }

    /// The `wharf` binary built beside the test runner.
    static var wharfPath: String {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("wharf").path
    }

    /// The full path of `tool` on PATH, or nil when it is not installed.
    static func which(_ tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs `executable` with `arguments`, feeding `input` on standard input, and waits for it to finish;
    /// a command still running after `timeout` seconds is killed (its result then has exit code 9).
    ///
    /// Spawned and reaped with ``SpawnedProcess`` (files for the three streams), not Foundation's
    /// `Process`, whose `run()` crashed in CI with many processes starting at once.
    static func run(_ executable: String, _ arguments: [String], input: String? = nil, timeout: Double = 120) throws -> Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-command-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let inputFile = directory.appendingPathComponent("input"), outputFile = directory.appendingPathComponent("output")
        let errorFile = directory.appendingPathComponent("error")
        try Data((input ?? "").utf8).write(to: inputFile)
        let process = try SpawnedProcess(executable, arguments, inputFile: inputFile, outputFile: outputFile, errorFile: errorFile)
        var status = process.waitForExitBlocking(timeout: .milliseconds(Int(timeout * 1000)))
        if status == nil {
            process.signalGroup(SIGKILL)
            status = process.waitForExitBlocking(timeout: .seconds(10))
        }
        return Result(
            exitCode: status ?? 9,
            standardOutput: (try? String(contentsOf: outputFile, encoding: .utf8)) ?? "",
            standardError: (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "")
    }

    /// Runs the built `wharf` binary.
    static func wharf(_ arguments: [String], input: String? = nil) throws -> Result {
        try run(wharfPath, arguments, input: input)
    }
}
