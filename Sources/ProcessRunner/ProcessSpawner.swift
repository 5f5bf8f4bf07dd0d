public import Foundation
import CProcessSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts child processes the one way Wharf starts them: `posix_spawn` with a process group of their
/// own (so that a child and everything it starts can be signalled together), no inherited signal
/// mask, default handling of SIGPIPE, and no descriptor of this process beyond the three given — an
/// inherited pipe end would keep some reader here waiting for end-of-file as long as the child lives.
public enum ProcessSpawner {
    /// Spawns `path` (an absolute path) and returns its process ID, which is also its process group ID.
    /// - Parameters:
    ///   - environment: Added to (or replacing variables of) this process's environment.
    ///   - standardInput: A descriptor for standard input; /dev/null when nil.
    public static func spawn(
        _ path: String, arguments: [String], environment: [String: String] = [:], directory: URL? = nil, standardInput: Int32? = nil,
        standardOutput: Int32, standardError: Int32
    ) throws(ChildProcessError) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let standardInput {
            posix_spawn_file_actions_adddup2(&actions, standardInput, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, standardOutput, 1)
        posix_spawn_file_actions_adddup2(&actions, standardError, 2)
        _ = wharf_spawn_file_actions_addclosefrom(&actions, 3)
        if let directory, wharf_spawn_file_actions_addchdir(&actions, directory.path) != 0 {
            throw ChildProcessError(.cannotStart, "\(path): cannot change to \(directory.path)")
        }
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
        var merged = ProcessInfo.processInfo.environment
        merged.merge(environment) { _, new in new }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard code == 0 else { throw ChildProcessError(.cannotStart, "\(path) could not start: \(String(cString: strerror(code)))") }
        return pid
    }

    /// The exit status a shell reports for a `waitpid` status: the exit code, or 128 + the signal.
    public static func exitCode(_ status: Int32) -> Int32 {
        (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}
