import Foundation

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
/// The child gets a process group of its own (so that it and what it starts can be signalled
/// together), default signal handling, standard input from /dev/null, and no descriptor of this
/// process beyond its standard output and error — an inherited pipe end would keep some other
/// reader in this process waiting for end-of-file for as long as the child lives.
struct SpawnedProcess: Sendable {
    /// The child's process ID (and process group ID).
    let pid: pid_t

    /// Starts `executable` (an absolute path) with standard output and error appended to
    /// `outputFile` and `errorFile` (the same file is fine).
    init(_ executable: String, _ arguments: [String], environment: [String: String] = [:], outputFile: URL, errorFile: URL) throws {
        let output = open(outputFile.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        let errors = open(errorFile.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        defer {
            if output >= 0 { close(output) }
            if errors >= 0 { close(errors) }
        }
        guard output >= 0, errors >= 0 else { throw Failure(description: "cannot open \(outputFile.path): \(String(cString: strerror(errno)))") }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, errors, 2)
        if let closeFrom = Self.addCloseFrom { _ = closeFrom(&actions, 3) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var variables = ProcessInfo.processInfo.environment
        variables.merge(environment) { _, new in new }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard code == 0 else { throw Failure(description: "cannot start \(executable): \(String(cString: strerror(code)))") }
        self.pid = pid
    }

    /// The exit status (128 + signal when killed) once the child has exited, reaping it; nil
    /// while it runs.
    func exitStatus() -> Int32? {
        var status: Int32 = 0
        let reaped = waitpid(pid, &status, WNOHANG)
        if reaped == pid { return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f) }
        // Already reaped (ECHILD): gone all the same.
        if reaped < 0 && errno == ECHILD { return -1 }
        return nil
    }

    /// Waits for the exit status for at most `timeout`, blocking this thread (stopping a server
    /// happens in `defer` blocks, which cannot wait asynchronously).
    @discardableResult
    func waitForExitBlocking(timeout: Duration) -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let status = exitStatus() { return status }
            if ContinuousClock.now >= deadline { return nil }
            usleep(10_000)
        }
    }

    /// Sends `signal` to the child's whole process group.
    func signalGroup(_ signal: Int32) {
        kill(-pid, signal)
        kill(pid, signal)
    }

    // glibc (2.34 and later) declares this only for _GNU_SOURCE, which Swift's Glibc module does not define.
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private static let addCloseFrom: AddCloseFrom? = symbol("posix_spawn_file_actions_addclosefrom_np")

    private static func symbol<T>(_ name: String) -> T? {
        guard let handle = dlopen(nil, RTLD_NOW), let address = dlsym(handle, name) else { return nil }
        return unsafeBitCast(address, to: T.self)
    }

    /// A child that could not be started.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }
}
