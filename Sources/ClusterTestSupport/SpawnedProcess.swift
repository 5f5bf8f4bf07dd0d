public import Foundation
import ProcessRunner

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A long-running child process of a test (a server), started with `posix_spawn` and reaped here
/// with `waitpid`. (Commands that run to completion go through ``TestCommand``.)
///
/// Not Foundation's `Process`: on Linux its children are reaped on Foundation's behalf, and with
/// parallel tests occupying the few threads of a small machine that reaping was seen not to happen
/// (the children stayed zombies and `isRunning` stayed true), so every wait on it stalled. Here
/// the caller polls `waitpid(WNOHANG)`, which needs no other thread.
///
/// It is spawned like every child of Wharf (``ProcessSpawner``): its own process group, default
/// signal handling, standard input from /dev/null, no other inherited descriptor.
public struct SpawnedProcess: Sendable {
    /// The child's process ID (and process group ID).
    public let pid: Int32

    /// Starts `executable` (an absolute path) with standard output and error appended to
    /// `outputFile` and `errorFile` (the same file is fine), and standard input read from
    /// `inputFile` (/dev/null when nil).
    public init(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:], inputFile: URL? = nil, outputFile: URL, errorFile: URL
    ) throws {
        let output = open(outputFile.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        let errors = open(errorFile.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        let input = inputFile.map { open($0.path, O_RDONLY | O_CLOEXEC) }
        defer {
            if output >= 0 { close(output) }
            if errors >= 0 { close(errors) }
            if let input, input >= 0 { close(input) }
        }
        guard output >= 0, errors >= 0, input.map({ $0 >= 0 }) ?? true else {
            throw Failure(description: "cannot open the files of \(executable): \(String(cString: strerror(errno)))")
        }

        do {
            pid = try ProcessSpawner.spawn(
                executable, arguments: arguments, environment: environment, standardInput: input, standardOutput: output, standardError: errors)
        } catch {
            throw Failure(description: error.message)
        }
    }

    /// The exit status (128 + signal when killed) once the child has exited, reaping it; nil
    /// while it runs.
    public func exitStatus() -> Int32? {
        var status: Int32 = 0
        let reaped = waitpid(pid, &status, WNOHANG)
        if reaped == pid { return ProcessSpawner.exitCode(status) }
        // Already reaped (ECHILD): gone all the same.
        if reaped < 0 && errno == ECHILD { return -1 }
        return nil
    }

    /// Waits for the exit status for at most `timeout`, blocking this thread (stopping a server
    /// happens in `defer` blocks, which cannot wait asynchronously).
    @discardableResult
    public func waitForExitBlocking(timeout: Duration) -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let status = exitStatus() { return status }
            if ContinuousClock.now >= deadline { return nil }
            usleep(10_000)
        }
    }

    /// Sends `signal` to the child's whole process group.
    public func signalGroup(_ signal: Int32) {
        kill(-pid, signal)
        kill(pid, signal)
    }

    /// A child that could not be started.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }
}
