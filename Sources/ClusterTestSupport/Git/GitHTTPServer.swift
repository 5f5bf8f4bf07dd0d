public import Foundation

/// Git's smart HTTP protocol on a loopback port: `git http-backend` run as CGI by lighttpd, behind
/// HTTP basic authentication with one user.
///
/// lighttpd runs with `-D` (in the foreground): without it, it forks a daemon and exits, and the
/// daemon would outlive the test and keep the port. Stop the server with ``stop()`` (use `defer`).
public final class GitHTTPServer: Sendable {
    public static let lighttpd = "/usr/sbin/lighttpd"
    public static let httpBackend = "/usr/lib/git-core/git-http-backend"

    /// Whether lighttpd and git's HTTP backend are installed (Debian: `lighttpd`, `git`).
    public static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: lighttpd) && FileManager.default.isExecutableFile(atPath: httpBackend)
            && ServerProcess.isAvailable
    }

    /// The loopback port.
    public let port: UInt16
    private let server: ServerProcess

    /// Serves the bare repositories directly in `repositories` under `/git/`, to `username` with
    /// `password` only; its configuration and logs go to `directory`.
    public init(repositories: URL, username: String, password: String, directory: URL) async throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // mod_authn_file's "plain" backend: one "user:password" a line.
        let users = directory.appendingPathComponent("users")
        try "\(username):\(password)\n".write(to: users, atomically: true, encoding: .utf8)
        var lastError: (any Error)?
        // A port found free can be taken by another test's server before lighttpd binds it: try again.
        for _ in 0..<3 {
            let port = try ServerProcess.freePort()
            let configuration = directory.appendingPathComponent("lighttpd-\(port).conf")
            try Self.configuration(port: port, repositories: repositories, users: users, directory: directory)
                .write(to: configuration, atomically: true, encoding: .utf8)
            do {
                server = try await ServerProcess(
                    Self.lighttpd, arguments: ["-D", "-f", configuration.path], port: port,
                    // Without server.errorlog, lighttpd logs to standard error; this once it listens.
                    readyMarker: "server started", logFile: directory.appendingPathComponent("lighttpd-\(port).log"))
                self.port = port
                return
            } catch {
                lastError = error
            }
        }
        throw lastError ?? ServerProcess.Failure("lighttpd did not start")
    }

    /// The URL of the repository `name` (without `.git`).
    public func url(_ name: String = "repo") -> String { "http://127.0.0.1:\(port)/git/\(name).git" }

    /// Stops lighttpd and the CGI processes it started.
    public func stop() { server.stop() }

    /// The lighttpd configuration: git-http-backend as CGI for `/git`, everything behind basic auth.
    private static func configuration(port: UInt16, repositories: URL, users: URL, directory: URL) -> String {
        """
        server.modules = ("mod_auth", "mod_authn_file", "mod_alias", "mod_setenv", "mod_cgi")
        server.bind = "127.0.0.1"
        server.port = \(port)
        server.document-root = "\(repositories.path)"
        server.pid-file = "\(directory.appendingPathComponent("lighttpd-\(port).pid").path)"
        auth.backend = "plain"
        auth.backend.plain.userfile = "\(users.path)"
        auth.require = ("/" => ("method" => "basic", "realm" => "wharf-test", "require" => "valid-user"))
        alias.url = ("/git" => "\(httpBackend)")
        $HTTP["url"] =~ "^/git" {
            cgi.assign = ("" => "")
            setenv.set-environment = ("GIT_PROJECT_ROOT" => "\(repositories.path)", "GIT_HTTP_EXPORT_ALL" => "1")
        }
        """
    }
}
