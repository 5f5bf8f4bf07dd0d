import ClusterTestSupport
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An OpenSSH server on a loopback port that lets one public key in as the current user, so that
/// git reaches repositories by absolute path (`ssh://user@127.0.0.1:port/abs/path/repo.git`).
///
/// sshd runs with `-D -e`: in the foreground (it would otherwise fork a daemon that outlives the
/// test) and logging to standard error, which goes to a file. It has its own host key and
/// configuration, so the machine's sshd setup is neither needed nor touched. Stop it with
/// ``stop()`` (use `defer`).
final class GitSSHServer: Sendable {
    static let sshd = "/usr/sbin/sshd"
    static let sshKeygen = "/usr/bin/ssh-keygen"

    /// Whether OpenSSH's server and client are installed (Debian: `openssh-server`).
    static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: sshd) && FileManager.default.isExecutableFile(atPath: sshKeygen)
            && FileManager.default.isExecutableFile(atPath: "/usr/bin/ssh") && ServerProcess.isAvailable
    }

    /// The loopback port.
    let port: UInt16
    /// The user git logs in as: whoever runs the tests.
    let user: String
    /// The server's public host key, `type base64`.
    let hostKey: String
    private let server: ServerProcess

    /// Starts a server that accepts `authorizedKey` (an OpenSSH public key line); its keys,
    /// configuration and log go to `directory`.
    init(authorizedKey: String, directory: URL) async throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let hostKeyFile = directory.appendingPathComponent("ssh_host_ed25519_key")
        hostKey = try await Self.generateKey(at: hostKeyFile)
        let authorizedKeys = directory.appendingPathComponent("authorized_keys")
        try "\(authorizedKey)\n".write(to: authorizedKeys, atomically: true, encoding: .utf8)
        user = getpwuid(getuid()).flatMap { String(validatingCString: $0.pointee.pw_name) } ?? "root"
        // sshd refuses to start as root without its privilege separation directory, which only the
        // package's service normally creates.
        if getuid() == 0 { try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true) }
        let configuration = directory.appendingPathComponent("sshd_config")
        try Self.configuration(hostKey: hostKeyFile, authorizedKeys: authorizedKeys).write(to: configuration, atomically: true, encoding: .utf8)
        var lastError: (any Error)?
        // A port found free can be taken by another test's server before sshd binds it: try again.
        for _ in 0..<3 {
            let port = try ServerProcess.freePort()
            do {
                // sshd must be started by absolute path (it re-executes itself for each connection).
                server = try await ServerProcess(
                    Self.sshd, arguments: ["-D", "-e", "-f", configuration.path, "-p", String(port)], port: port,
                    readyMarker: "Server listening on 127.0.0.1 port \(port)", logFile: directory.appendingPathComponent("sshd-\(port).log"))
                self.port = port
                return
            } catch {
                lastError = error
            }
        }
        throw lastError ?? ServerProcess.Failure("sshd did not start")
    }

    /// The URL of the repository at the absolute path `path`.
    func url(_ path: String) -> String { "ssh://\(user)@127.0.0.1:\(port)\(path)" }

    /// The `known_hosts` line that trusts this server.
    var knownHostsLine: String { "[127.0.0.1]:\(port) \(hostKey)" }

    /// What sshd logged, for failure messages.
    var log: String { server.log }

    /// Stops sshd and the connection handlers it forked.
    func stop() { server.stop() }

    /// Generates an unencrypted ed25519 key pair at `file` (and `file.pub`) and returns the public
    /// key as `type base64`.
    @discardableResult
    static func generateKey(at file: URL) async throws -> String {
        try await TestCommand.run(sshKeygen, ["-q", "-t", "ed25519", "-N", "", "-C", "wharf-test", "-f", file.path])
        let line = try String(contentsOf: file.appendingPathExtension("pub"), encoding: .utf8)
        return line.split(separator: " ").prefix(2).joined(separator: " ")
    }

    /// A configuration that depends on nothing of the machine's: its own host key and authorized
    /// keys, public keys only, and no checks that would fail on files in a temporary directory.
    private static func configuration(hostKey: URL, authorizedKeys: URL) -> String {
        """
        ListenAddress 127.0.0.1
        HostKey \(hostKey.path)
        AuthorizedKeysFile \(authorizedKeys.path)
        PidFile none
        # Temporary directories are world-writable (/tmp), which StrictModes rejects.
        StrictModes no
        PubkeyAuthentication yes
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        PermitRootLogin prohibit-password
        # PAM would need the machine's sshd PAM setup; a locked account is then checked by sshd itself.
        UsePAM no
        UseDNS no
        PrintMotd no
        LogLevel INFO
        """
    }
}
