import Foundation
import Synchronization

/// Runs one `git` command with a timeout, no terminal prompts, and credentials passed through the
/// environment (never the arguments, which every user of the machine can read in `ps`).
struct GitCommand: Sendable {
    /// The git executable.
    var executable = "/usr/bin/git"
    /// How long the command may run.
    var timeout: Duration = .seconds(90)

    /// What a finished command printed.
    struct Output: Sendable {
        var status: Int32
        var standardOutput: Data
        var standardError: String
    }

    /// Runs `git arguments` in `directory` with `environment` added to this process's environment.
    func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) async throws(GitError) -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var merged = ProcessInfo.processInfo.environment
        merged["GIT_TERMINAL_PROMPT"] = "0"
        merged["LC_ALL"] = "C"
        merged.merge(environment) { _, new in new }
        process.environment = merged
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        let timeout = self.timeout
        let result: Result<Output, GitError> = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                do {
                    try process.run()
                } catch {
                    continuation.resume(returning: .failure(GitError(.failed, "git could not start: \(error.localizedDescription)")))
                    return
                }
                let timedOut = Atomic<Bool>(false)
                let killer = DispatchWorkItem {
                    if process.isRunning {
                        timedOut.store(true, ordering: .relaxed)
                        process.terminate()
                    }
                }
                let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
                DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: killer)
                // Both pipes drain at once, so that a command printing a lot to either cannot stall.
                let errorText = Mutex(Data())
                let group = DispatchGroup()
                DispatchQueue.global().async(group: group) {
                    let data = errors.fileHandleForReading.readDataToEndOfFile()
                    errorText.withLock { $0 = data }
                }
                let data = output.fileHandleForReading.readDataToEndOfFile()
                group.wait()
                process.waitUntilExit()
                killer.cancel()
                if timedOut.load(ordering: .relaxed) {
                    continuation.resume(returning: .failure(GitError(.timeout, "git \(arguments.first ?? "") did not finish within \(timeout)")))
                    return
                }
                let stderr = errorText.withLock { String(decoding: $0, as: UTF8.self) }
                continuation.resume(returning: .success(Output(status: process.terminationStatus, standardOutput: data, standardError: stderr)))
            }
        }
        return try result.get()
    }
}
