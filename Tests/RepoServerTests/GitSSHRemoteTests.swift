import ClusterTestSupport
import Foundation
import RepoServer
import Testing

/// The Git layer against a real OpenSSH server on a loopback port: key authentication and host key
/// checking.
///
/// Every test starts its own sshd and stops it on the way out; git commands have a 30 s timeout and
/// the server a watchdog, so a test that goes wrong fails instead of hanging.
@Suite(
    .enabled(if: GitSSHServer.isAvailable, "OpenSSH's sshd and ssh (Debian package openssh-server) are needed for the SSH tests"),
    .timeLimit(.minutes(2)))
struct GitSSHRemoteTests {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-git-ssh-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    /// A served repository with two commits on `main` and a tag, a client key the server accepts,
    /// and the server.
    private func serve() async throws -> (server: GitSSHServer, url: String, key: String, first: String, second: String) {
        let repository = try await GitServedRepository(in: root.appendingPathComponent("repos"))
        let first = try await repository.commit("apps/one/cm.yaml", "one: 1\n")
        try await repository.git("tag", "v1.0.0")
        let second = try await repository.commit("apps/one/cm.yaml", "one: 2\n")
        try await repository.publish()
        let keys = root.appendingPathComponent("keys")
        try FileManager.default.createDirectory(at: keys, withIntermediateDirectories: true)
        let publicKey = try await GitSSHServer.generateKey(at: keys.appendingPathComponent("client"))
        let key = try String(contentsOf: keys.appendingPathComponent("client"), encoding: .utf8)
        let server = try await GitSSHServer(authorizedKey: publicKey, directory: root.appendingPathComponent("sshd"))
        return (server, server.url(repository.bare.path), key, first, second)
    }

    private func cache() throws -> GitRepositoryCache {
        try GitRepositoryCache(directory: root.appendingPathComponent("cache"), timeout: .seconds(30))
    }

    @Test func fetchesAndChecksOutWithTheKeyFromAKnownHost() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let (server, url, key, first, second) = try await serve()
        defer { server.stop() }
        let cache = try cache()
        let credentials = GitCredentials(sshPrivateKey: key, knownHosts: server.knownHostsLine + "\n")

        let references = try await cache.listReferences(url, credentials: credentials)
        #expect(references.contains { $0.name == "refs/tags/v1.0.0" && $0.commit == first }, "\(references) \(server.log)")
        #expect(try await cache.resolve(url, revision: "main", credentials: credentials) == second)
        try await cache.fetch(url, credentials: credentials)
        let checkout = try await cache.checkout(url, commit: first, credentials: credentials)
        #expect(try String(contentsOf: checkout.appendingPathComponent("apps/one/cm.yaml"), encoding: .utf8) == "one: 1\n")
        #expect(await cache.requestCounts["fetch"] == 1, "the commit was in the mirror already")
        #expect(try !GitHTTPRemoteTests.anyFile(under: root.appendingPathComponent("cache"), contains: key), "the key file lived only for each command")
    }

    @Test func aWrongKeyIsAnAuthenticationErrorThatDoesNotRepeatIt() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let (server, url, _, _, _) = try await serve()
        defer { server.stop() }
        let cache = try cache()
        let wrongFile = root.appendingPathComponent("keys/wrong")
        try await GitSSHServer.generateKey(at: wrongFile)
        let wrong = try String(contentsOf: wrongFile, encoding: .utf8)

        let clock = ContinuousClock()
        let start = clock.now
        let error = await #expect(throws: GitError.self) {
            try await cache.fetch(url, credentials: GitCredentials(sshPrivateKey: wrong, knownHosts: server.knownHostsLine))
        }
        #expect(error?.category == .authentication, "\(String(describing: error))")
        let keyLines = wrong.split(separator: "\n").filter { !$0.hasPrefix("-----") }
        #expect(keyLines.allSatisfy { error?.description.contains($0) == false }, "\(String(describing: error))")
        // No key at all: ssh must fail, not ask for a password or passphrase.
        let anonymous = await #expect(throws: GitError.self) {
            try await cache.resolve(url, revision: "main", credentials: GitCredentials(knownHosts: server.knownHostsLine))
        }
        #expect(anonymous?.category == .authentication, "\(String(describing: anonymous))")
        #expect(clock.now - start < .seconds(20), "rejected keys fail at once")
    }

    @Test func anUnknownHostKeyIsRefusedUnlessInsecure() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let (server, url, key, _, second) = try await serve()
        defer { server.stop() }
        let cache = try cache()

        let clock = ContinuousClock()
        let start = clock.now
        // No known hosts at all: ssh must refuse rather than ask whether to trust the key.
        let unknown = await #expect(throws: GitError.self) {
            try await cache.resolve(url, revision: "main", credentials: GitCredentials(sshPrivateKey: key))
        }
        #expect(unknown?.category == .authentication, "\(String(describing: unknown))")
        #expect(unknown?.description.contains("host key") == true, "\(String(describing: unknown))")
        #expect(unknown?.description.contains("known hosts") == true, "\(String(describing: unknown))")
        // Known hosts that name another key for this host and port.
        let impostor = try await GitSSHServer.generateKey(at: root.appendingPathComponent("keys/impostor"))
        let changed = await #expect(throws: GitError.self) {
            try await cache.fetch(url, credentials: GitCredentials(sshPrivateKey: key, knownHosts: "[127.0.0.1]:\(server.port) \(impostor)\n"))
        }
        #expect(changed?.category == .authentication, "\(String(describing: changed))")
        #expect(changed?.description.contains("host key") == true, "\(String(describing: changed))")
        #expect(clock.now - start < .seconds(20), "host key checks fail at once")

        // insecure skips the check.
        let insecure = GitCredentials(sshPrivateKey: key, insecure: true)
        #expect(try await cache.resolve(url, revision: "main", credentials: insecure) == second)
        let checkout = try await cache.checkout(url, commit: second, credentials: insecure)
        #expect(try String(contentsOf: checkout.appendingPathComponent("apps/one/cm.yaml"), encoding: .utf8) == "one: 2\n")
    }
}
