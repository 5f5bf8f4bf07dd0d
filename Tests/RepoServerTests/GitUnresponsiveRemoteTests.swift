import Foundation
import RepoServer
import Testing

/// A remote that accepts the connection and then never answers must end in a timeout error, not a
/// hang: git's transport children (git-remote-http, ssh) are what wait on the socket, so the timeout
/// has to end them too, or they keep git's output pipes open and the caller waits for ever.
@Suite(.timeLimit(.minutes(1)))
struct GitUnresponsiveRemoteTests {
    @Test(arguments: ["http", "ssh"])
    func aSilentRemoteIsATimeout(scheme: String) async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-git-silent-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let listener = try SilentListener()
        let cache = try GitRepositoryCache(directory: root, timeout: .seconds(3))
        let url = scheme == "http" ? "http://127.0.0.1:\(listener.port)/repo.git" : "ssh://git@127.0.0.1:\(listener.port)/repo.git"

        let error = await #expect(throws: GitError.self) {
            try await cache.fetch(url, credentials: GitCredentials(username: "alice", password: "secret", insecure: true))
        }
        #expect(error?.category == .timeout, "\(String(describing: error))")
        withExtendedLifetime(listener) {}
    }
}
