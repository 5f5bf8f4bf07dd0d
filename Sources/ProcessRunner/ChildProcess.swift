public import Foundation
import CProcessSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An external command run to completion with a timeout and an output limit.
///
/// The child gets its own process group, so a timeout kills everything it started (git's transport
/// helpers, ssh, a tool's subprocesses) and no grandchild can keep the pipes open and hang the
/// caller. Pipes are opened close-on-exec, so concurrently started children never inherit each
/// other's pipe ends. Arguments are visible to every user of the machine (`ps`): pass secrets through
/// the environment or files instead.
public struct ChildProcess: Sendable {
    /// The program: a path, or a name looked up in `PATH`.
    public var executable: String
    /// The arguments, without the program name.
    public var arguments: [String]
    /// Variables added to (or replacing those of) this process's environment.
    public var environment: [String: String]
    /// The working directory; this process's when nil.
    public var directory: URL?
    /// Bytes written to standard input, which is then closed; /dev/null when nil.
    public var input: Data?
    /// How long the command may run before it and its descendants are killed.
    public var timeout: Duration
    /// The most standard output (and, separately, standard error) kept; beyond it the command is killed.
    public var outputLimit: Int

    /// Describes a command; nothing runs until `run()`.
    public init(
        _ executable: String, arguments: [String] = [], environment: [String: String] = [:], directory: URL? = nil,
        input: Data? = nil, timeout: Duration = .seconds(90), outputLimit: Int = 256 << 20
    ) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.directory = directory
        self.input = input
        self.timeout = timeout
        self.outputLimit = outputLimit
    }

    /// The full path of `executable`, or nil when it is not an executable file.
    public static func locate(_ executable: String) -> String? {
        let manager = FileManager.default
        if executable.contains("/") { return manager.isExecutableFile(atPath: executable) ? executable : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where manager.isExecutableFile(atPath: "\(directory)/\(executable)") {
            return "\(directory)/\(executable)"
        }
        return nil
    }

    /// Runs the command on a thread outside Swift's cooperative pool (it blocks in `poll` and
    /// `waitpid`) and returns when it and its pipes are done.
    public func run() async throws(ChildProcessError) -> ChildProcessResult {
        let command = self
        let result: Result<ChildProcessResult, ChildProcessError> = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                // Writing to a child that closed its input must give EPIPE, not kill this process;
                // the signal is blocked only on this short-lived thread.
                var pipeSignal = sigset_t()
                sigemptyset(&pipeSignal)
                sigaddset(&pipeSignal, SIGPIPE)
                pthread_sigmask(SIG_BLOCK, &pipeSignal, nil)
                continuation.resume(returning: Result { () throws(ChildProcessError) in try command.runBlocking() })
            }
        }
        return try result.get()
    }

    // MARK: - Spawning

    private func runBlocking() throws(ChildProcessError) -> ChildProcessResult {
        guard let path = Self.locate(executable) else {
            throw ChildProcessError(.cannotStart, "\(executable): executable not found")
        }
        var stdinPipe: [Int32] = [-1, -1], stdoutPipe: [Int32] = [-1, -1], stderrPipe: [Int32] = [-1, -1]
        guard wharf_pipe_cloexec(&stdoutPipe) == 0, wharf_pipe_cloexec(&stderrPipe) == 0,
            input == nil || wharf_pipe_cloexec(&stdinPipe) == 0
        else {
            for fd in stdinPipe + stdoutPipe + stderrPipe where fd >= 0 { close(fd) }
            throw ChildProcessError(.cannotStart, "\(executable): cannot create pipes: \(String(cString: strerror(errno)))")
        }
        let pid: pid_t
        do {
            pid = try ProcessSpawner.spawn(
                path, arguments: arguments, environment: environment, directory: directory, standardInput: input == nil ? nil : stdinPipe[0],
                standardOutput: stdoutPipe[1], standardError: stderrPipe[1])
        } catch {
            for fd in stdinPipe + stdoutPipe + stderrPipe where fd >= 0 { close(fd) }
            throw error
        }
        // The parent keeps only its own ends, so end-of-file arrives when the child's side closes.
        close(stdoutPipe[1])
        close(stderrPipe[1])
        if stdinPipe[0] >= 0 { close(stdinPipe[0]) }
        var exchange = PipeExchange(
            input: input.map { Array($0) } ?? [], inputFD: stdinPipe[1], outputFD: stdoutPipe[0], errorFD: stderrPipe[0],
            outputLimit: outputLimit)
        let deadline = ContinuousClock.now + timeout
        var outcome = exchange.pump(until: deadline)
        if outcome != .finished { Self.killGroup(pid) }
        exchange.closeAll()
        // A child may close its pipes and keep running: the deadline holds for its exit too.
        var status: Int32 = 0
        while true {
            let reaped = waitpid(pid, &status, outcome == .finished ? WNOHANG : 0)
            if reaped == pid || (reaped < 0 && errno != EINTR) { break }
            if reaped == 0 {
                if ContinuousClock.now >= deadline {
                    Self.killGroup(pid)
                    outcome = .timedOut
                } else {
                    usleep(2_000)
                }
            }
        }
        switch outcome {
        case .timedOut:
            throw ChildProcessError(.timedOut, "\(executable) did not finish within \(timeout) and was stopped")
        case .outputTooLarge:
            throw ChildProcessError(.outputTooLarge, "\(executable) printed more than \(outputLimit) bytes and was stopped")
        case .finished:
            return ChildProcessResult(status: ProcessSpawner.exitCode(status), standardOutput: Data(exchange.output), standardError: Data(exchange.errors))
        }
    }

    /// Asks the whole group to stop, then, after a short grace period, makes sure it has.
    private static func killGroup(_ pid: pid_t) {
        kill(-pid, SIGTERM)
        usleep(200_000)
        kill(-pid, SIGKILL)
    }
}
