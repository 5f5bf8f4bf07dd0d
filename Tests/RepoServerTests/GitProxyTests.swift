import ClusterTestSupport
import Foundation
import RepoServer
import Testing

/// A repository's `proxy` setting carries git's HTTP traffic.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git"), "git is needed for the repository tests"))
struct GitProxyTests {
    @Test("git goes through the configured proxy (here one that refuses connections), and noProxy exempts hosts")
    func proxy() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-proxy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = try GitRepositoryCache(directory: root, timeout: .seconds(30))
        let port = try ServerProcess.freePort()
        let url = "http://git.example.invalid/team/apps.git"
        let proxied = GitCredentials(proxy: "http://127.0.0.1:\(port)")
        do {
            _ = try await cache.listReferences(url, credentials: proxied)
            Issue.record("listing an unreachable repository succeeded")
        } catch {
            #expect(error.message.contains("127.0.0.1") && error.message.contains("\(port)"), "the proxy was not used: \(error.message)")
        }
        let exempt = GitCredentials(proxy: "http://127.0.0.1:\(port)", noProxy: "example.invalid")
        do {
            _ = try await cache.listReferences(url, credentials: exempt)
            Issue.record("listing an unreachable repository succeeded")
        } catch {
            #expect(!error.message.contains("\(port)"), "noProxy was ignored: \(error.message)")
        }
    }
}
