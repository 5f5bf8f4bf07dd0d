public import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A server a test runs in the foreground on a loopback port, stopped by ``stop()`` — and, should a
/// test get stuck, by a watchdog after a fixed lifetime.
///
/// Its output goes to a log file, never to a pipe: nothing here waits for a pipe to reach
/// end-of-file, which a server (or a connection handler it forked) would hold open for as long as it
/// lives. The watchdog exists because a client blocked on a server can only be freed by ending that
/// server: once it is gone, the client's connection closes and its command returns. The watchdog is
/// a thread of its own, so that it fires even when every thread of the concurrency pool is blocked;
/// and the server runs under `timeout(1)`, so that it ends even if this test process is killed.
public final class ServerProcess: Sendable {
    /// What the server printed, for failure messages.
    public let logFile: URL
    private let process: SpawnedProcess
    private let stopped = Mutex(false)

    /// Starts `executable` and waits until it accepts connections on `port` and has printed
    /// `readyMarker` to its log (so that a port some other server already holds is not mistaken for
    /// this one's).
    /// - Parameter lifetime: When the watchdog stops the server whatever the test is doing.
    public init(
        _ executable: String, arguments: [String], port: UInt16, readyMarker: String, logFile: URL, readyTimeout: Duration = .seconds(15),
        lifetime: Duration = .seconds(150)
    ) async throws {
        self.logFile = logFile
        let hardLimit = String(Int(Self.seconds(lifetime)) + 30)
        process = try SpawnedProcess(
            "/usr/bin/timeout", ["--signal=KILL", hardLimit, executable] + arguments, outputFile: logFile, errorFile: logFile)
        let deadline = ContinuousClock.now + lifetime
        Thread.detachNewThread { [weak self] in
            while ContinuousClock.now < deadline {
                guard let server = self, !server.isStopped else { return }
                usleep(100_000)
            }
            self?.stop()
        }

        let ready = ContinuousClock.now + readyTimeout
        while true {
            if let status = process.exitStatus() {
                stop()
                throw Failure("\(executable) exited with status \(status) before it was ready:\n\(Self.read(logFile))")
            }
            if Self.accepts(port), Self.read(logFile).contains(readyMarker) { break }
            guard ContinuousClock.now < ready, !Task.isCancelled else {
                stop()
                throw Failure("\(executable) was not ready on port \(port) within \(readyTimeout):\n\(Self.read(logFile))")
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    deinit { stop() }

    /// Whether servers can be run here (`timeout(1)` from coreutils bounds their lifetime).
    public static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/timeout") }

    /// The log so far.
    public var log: String { Self.read(logFile) }

    private var isStopped: Bool { stopped.withLock { $0 } }

    private static func read(_ file: URL) -> String { (try? String(contentsOf: file, encoding: .utf8)) ?? "" }

    /// Ends the server and every process it started (sshd forks one per connection, in a session of
    /// its own), politely first and then with SIGKILL; waits at most a few seconds.
    public func stop() {
        guard stopped.withLock({ done in defer { done = true }; return !done }) else { return }
        let family = Self.descendants(of: process.pid)
        process.signalGroup(SIGTERM)
        for member in family { kill(member, SIGTERM) }
        let deadline = ContinuousClock.now + .seconds(3)
        while family.contains(where: Self.isAlive) && ContinuousClock.now < deadline { usleep(20_000) }
        if process.waitForExitBlocking(timeout: deadline - ContinuousClock.now) == nil {
            process.signalGroup(SIGKILL)
            process.waitForExitBlocking(timeout: .seconds(2))
        }
        for member in family where Self.isAlive(member) { kill(member, SIGKILL) }
    }

    // MARK: - Ports and processes

    /// A loopback TCP port nobody listens on at the moment (the kernel's choice for port 0).
    public static func freePort() throws -> UInt16 {
        let socket = Self.tcpSocket()
        guard socket >= 0 else { throw Failure("cannot create a socket") }
        defer { close(socket) }
        var address = loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard bound else { throw Failure("cannot bind a loopback port") }
        return UInt16(bigEndian: address.sin_port)
    }

    /// Whether something accepts connections on the loopback `port`.
    public static func accepts(_ port: UInt16) -> Bool {
        let socket = Self.tcpSocket()
        guard socket >= 0 else { return false }
        defer { close(socket) }
        var address = loopback(port: port)
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    private static func tcpSocket() -> Int32 {
        #if canImport(Glibc)
        socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        socket(AF_INET, SOCK_STREAM, 0)
        #endif
    }

    private static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    private static func isAlive(_ pid: pid_t) -> Bool {
        // A zombie still answers kill(0); /proc tells it apart.
        guard kill(pid, 0) == 0 else { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let end = stat.lastIndex(of: ")")
        else { return true }
        return !stat[stat.index(after: end)...].hasPrefix(" Z")
    }

    /// The processes descended from `pid`, from /proc (Linux); empty elsewhere.
    private static func descendants(of pid: pid_t) -> [pid_t] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        var parents: [pid_t: pid_t] = [:]
        for entry in entries {
            guard let child = pid_t(entry), let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let end = stat.lastIndex(of: ")")
            else { continue }
            // "pid (comm) state ppid ...": the name may contain spaces, so fields count from its ")".
            let fields = stat[stat.index(after: end)...].split(separator: " ")
            if fields.count > 1, let parent = pid_t(fields[1]) { parents[child] = parent }
        }
        var found: [pid_t] = []
        var frontier = [pid]
        while let next = frontier.popLast() {
            let children = parents.filter { $0.value == next }.map(\.key)
            found += children
            frontier += children
        }
        return found
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// A server that would not start, with what it printed.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        public init(_ description: String) { self.description = description }
    }
}
