import Foundation
import Testing

/// How `wharf cluster start` authenticates users besides its admin: a static token file that can
/// revoke a token while the cluster runs, as seen by the real kubectl.
@Suite(.mayBlock, .enabled(if: CommandRunner.which("kubectl") != nil, "kubectl is not installed, so the authentication tests cannot run"))
struct ClusterAuthenticationTests {
    /// A kubeconfig like the admin's that authenticates with `token` instead, written to a file so that
    /// the token never appears in a process listing.
    private func kubeconfig(for token: String, of cluster: ClusterProcess, in directory: TemporaryDirectory, named name: String) throws -> String {
        let admin = try String(contentsOfFile: cluster.kubeconfig, encoding: .utf8)
        let adminToken = try String(contentsOf: cluster.dataDirectory.appendingPathComponent("token"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return try directory.write("\(name).kubeconfig", admin.replacingOccurrences(of: adminToken, with: token))
    }

    @Test func tokenFileUsersAuthenticateUntilTheirLineIsRemoved() throws {
        let directory = try TemporaryDirectory()
        let alice = "alice-\(UUID().uuidString)"
        let bob = "bob-\(UUID().uuidString)"
        let tokens = try directory.write("tokens.csv", "\(alice),alice,uid-alice,\"devs,qa\"\n\(bob),bob,uid-bob\n")
        let cluster = try ClusterProcess(arguments: ["--token-auth-file", tokens])
        let aliceConfig = try kubeconfig(for: alice, of: cluster, in: directory, named: "alice")
        let bobConfig = try kubeconfig(for: bob, of: cluster, in: directory, named: "bob")

        let whoami = try cluster.kubectl(["auth", "whoami"], kubeconfig: aliceConfig)
        #expect(whoami.standardOutput.contains("alice") && whoami.standardOutput.contains("[devs qa system:authenticated]"), "\(whoami.standardOutput)")
        // Authenticated, but RBAC grants nothing yet: 403, not 401.
        #expect(try cluster.kubectl(["get", "configmaps"], kubeconfig: aliceConfig).standardError.contains(#"User "alice" cannot list"#))

        // Removing alice's line revokes her token while the cluster runs; bob's still works.
        try "\(bob),bob,uid-bob\n".write(toFile: tokens, atomically: true, encoding: .utf8)
        let revoked = try cluster.kubectl(["auth", "whoami"], kubeconfig: aliceConfig)
        #expect(revoked.exitCode != 0)
        #expect(revoked.standardError.contains("Unauthorized"), "\(revoked.standardError)")
        #expect(try cluster.kubectl(["auth", "whoami"], kubeconfig: bobConfig).standardOutput.contains("bob"))
        // A token unknown from the start is refused the same way.
        let stranger = try kubeconfig(for: "no-such-token", of: cluster, in: directory, named: "stranger")
        #expect(try cluster.kubectl(["get", "namespaces"], kubeconfig: stranger).standardError.contains("Unauthorized"))

        // No token ever reaches the cluster's output.
        let log = try String(contentsOf: cluster.dataDirectory.appendingPathComponent("cluster.log"), encoding: .utf8)
        #expect(!log.contains(alice) && !log.contains(bob))
    }

    @Test func aMalformedTokenFileStopsTheStartAndNamesTheLineButNotTheToken() throws {
        let directory = try TemporaryDirectory()
        let secret = "secret-\(UUID().uuidString)"
        let tokens = try directory.write("tokens.csv", "\(secret),carol,uid-carol\n\(secret)-2,dave\n")
        let result = try CommandRunner.run(
            CommandRunner.wharfPath,
            ["cluster", "start", "--data-dir", directory.url.appendingPathComponent("data").path, "--port", "0", "--token-auth-file", tokens],
            timeout: 60)
        #expect(result.exitCode != 0)
        #expect(result.standardError.contains("\(tokens), line 2") && result.standardError.contains("at least 3 columns"), "\(result.standardError)")
        #expect(!result.standardError.contains(secret) && !result.standardOutput.contains(secret))
    }
}
