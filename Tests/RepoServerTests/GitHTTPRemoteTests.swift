import ClusterTestSupport
import Foundation
import RepoServer
import Testing

/// The Git layer against a real smart HTTP server (lighttpd running `git http-backend`) with basic
/// authentication, on a loopback port.
///
/// Every test starts its own server and stops it on the way out, so tests run in parallel and
/// nothing outlives them; git commands have a 30 s timeout and the server a watchdog, so a test that
/// goes wrong fails instead of hanging.
@Suite(
    .enabled(if: GitHTTPServer.isAvailable, "lighttpd (Debian package lighttpd) and git-http-backend are needed for the smart HTTP tests"),
    .timeLimit(.minutes(2)))
struct GitHTTPRemoteTests {
    let root: URL
    /// Characters a shell or a URL would mangle, to show that the password travels verbatim.
    let password = "p@ss w'rd$HOME-\(UUID().uuidString.prefix(8))"

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-git-http-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    /// A repository with a branch `main`, an annotated tag `v1.0.0` and a branch `feature`, served
    /// to `alice` with ``password``.
    private func serve() async throws -> (server: GitHTTPServer, first: String, second: String, feature: String) {
        let repository = try await GitServedRepository(in: root.appendingPathComponent("repos"))
        let first = try await repository.commit("app/config.yaml", "a: 1\n")
        try await repository.git("tag", "-a", "v1.0.0", "-m", "release")
        let second = try await repository.commit("app/config.yaml", "a: 2\n")
        try await repository.git("checkout", "--quiet", "-b", "feature", first)
        let feature = try await repository.commit("other.yaml", "b: 1\n")
        try await repository.git("checkout", "--quiet", "main")
        try await repository.publish()
        let server = try await GitHTTPServer(
            repositories: root.appendingPathComponent("repos"), username: "alice", password: password, directory: root.appendingPathComponent("http"))
        return (server, first, second, feature)
    }

    private func cache() throws -> GitRepositoryCache {
        try GitRepositoryCache(directory: root.appendingPathComponent("cache"), timeout: .seconds(30))
    }

    @Test func resolvesFetchesAndChecksOutWithThePassword() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let (server, first, second, feature) = try await serve()
        defer { server.stop() }
        let cache = try cache()
        let credentials = GitCredentials(username: "alice", password: password)
        let url = server.url()

        #expect(try await cache.resolve(url, revision: "HEAD", credentials: credentials) == second)
        #expect(try await cache.resolve(url, revision: "main", credentials: credentials) == second)
        #expect(try await cache.resolve(url, revision: "feature", credentials: credentials) == feature)
        #expect(try await cache.resolve(url, revision: "v1.0.0", credentials: credentials) == first)
        // A short SHA needs the objects, so this one fetches.
        #expect(try await cache.resolve(url, revision: String(feature.prefix(10)), credentials: credentials) == feature)
        #expect(await cache.requestCounts["fetch"] == 1)

        let checkout = try await cache.checkout(url, commit: first, credentials: credentials)
        #expect(try String(contentsOf: checkout.appendingPathComponent("app/config.yaml"), encoding: .utf8) == "a: 1\n")
        let latest = try await cache.checkout(url, commit: feature, credentials: credentials)
        #expect(try String(contentsOf: latest.appendingPathComponent("other.yaml"), encoding: .utf8) == "b: 1\n")
        #expect(await cache.requestCounts["fetch"] == 1, "both commits were in the mirror already")
        try await cache.fetch(url, credentials: credentials)
        #expect(try await cache.changedFiles(url, from: first, to: feature) == ["other.yaml"])

        // The askpass helper lived only for each command, and no credential helper stored anything.
        #expect(try !Self.anyFile(under: root.appendingPathComponent("cache"), contains: password))
    }

    @Test func aWrongPasswordIsAnAuthenticationErrorThatDoesNotRepeatIt() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let (server, _, _, _) = try await serve()
        defer { server.stop() }
        let cache = try cache()
        let wrong = "not-the-password-\(UUID().uuidString.prefix(8))"

        let clock = ContinuousClock()
        let start = clock.now
        let error = await #expect(throws: GitError.self) {
            try await cache.resolve(server.url(), revision: "main", credentials: GitCredentials(username: "alice", password: wrong))
        }
        #expect(error?.category == .authentication, "\(String(describing: error))")
        #expect(error?.description.contains(wrong) == false, "\(String(describing: error))")
        #expect(error?.description.contains(server.url()) == true, "the message names the repository")
        let fetch = await #expect(throws: GitError.self) {
            try await cache.fetch(server.url(), credentials: GitCredentials(username: "alice", password: wrong))
        }
        #expect(fetch?.category == .authentication)
        #expect(fetch?.description.contains(wrong) == false)
        #expect(clock.now - start < .seconds(20), "a rejected password fails at once, without retries or prompts")
    }

    @Test func withoutCredentialsTheErrorSaysSoAndNothingPrompts() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let (server, _, _, _) = try await serve()
        defer { server.stop() }
        let cache = try cache()

        let clock = ContinuousClock()
        let start = clock.now
        let error = await #expect(throws: GitError.self) {
            try await cache.resolve(server.url(), revision: "main")
        }
        #expect(error?.category == .authentication, "\(String(describing: error))")
        #expect(error?.description.contains("requires credentials") == true, "\(String(describing: error))")
        #expect(clock.now - start < .seconds(20), "git fails instead of waiting for someone to type a user name")
    }

    /// Whether any regular file under `directory` contains `text`.
    static func anyFile(under directory: URL, contains text: String) throws -> Bool {
        let needle = Data(text.utf8)
        guard let files = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey]) else { return false }
        for case let file as URL in files where (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            if let data = try? Data(contentsOf: file), data.range(of: needle) != nil { return true }
        }
        return false
    }
}
