import ClusterTestSupport
import Foundation
import KubeClient
import KubeModel
import LocalCluster
import Testing

/// Users other than the admin: client certificates, RBAC denials, rotating tokens.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl"), "openssl is needed to issue client certificates"))
struct AuthenticationTests {
    /// Issues a client certificate for `user` in `group`, signed by the cluster's CA, with openssl as an administrator would.
    private func issueCertificate(in directory: URL, user: String, group: String) throws -> (certificate: [UInt8], key: [UInt8]) {
        let key = directory.appendingPathComponent("\(user).key")
        let request = directory.appendingPathComponent("\(user).csr")
        let certificate = directory.appendingPathComponent("\(user).crt")
        let steps: [[String]] = [
            ["ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", key.path],
            ["req", "-new", "-key", key.path, "-subj", "/CN=\(user)/O=\(group)", "-out", request.path],
            [
                "x509", "-req", "-in", request.path, "-CA", directory.appendingPathComponent("ca.crt").path,
                "-CAkey", directory.appendingPathComponent("ca.key").path, "-CAcreateserial", "-days", "1", "-out", certificate.path,
            ],
        ]
        for arguments in steps {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw TestFailure("openssl \(arguments[0]) failed") }
        }
        return (Array(try Data(contentsOf: certificate)), Array(try Data(contentsOf: key)))
    }

    @Test func aClientCertificateUserIsBoundByRBAC() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-auth-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try await RunningCluster.with(directory: directory) { cluster in
            let admin = try cluster.client()
            let (certificate, key) = try issueCertificate(in: directory, user: "jane", group: "developers")
            let jane = try cluster.client { configuration in
                var user = Kubeconfig.User()
                user.clientCertificatePEM = certificate
                user.clientKeyPEM = key
                configuration.user = user
            }
            let denied = await #expect(throws: KubeError.self) { try await jane.list(Resources.configMaps, namespace: "default") }
            #expect(denied?.category == .forbidden)
            #expect(denied?.statusCode == 403)
            #expect(
                denied?.message == "configmaps is forbidden: User \"jane\" cannot list resource \"configmaps\" in API group \"\" in the namespace \"default\"",
                "\(String(describing: denied))")

            let rbac = GroupVersionResource(group: "rbac.authorization.k8s.io", version: "v1", resource: "roles")
            var role = KubeObject(apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", name: "config-reader", namespace: "default")
            role["rules"] = [["apiGroups": [""], "resources": ["configmaps"], "verbs": ["get", "list", "watch"]]]
            _ = try await admin.create(rbac, namespace: "default", role)
            var binding = KubeObject(apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding", name: "developers-read", namespace: "default")
            binding["subjects"] = [["kind": "Group", "name": "developers", "apiGroup": "rbac.authorization.k8s.io"]]
            binding["roleRef"] = ["kind": "Role", "name": "config-reader", "apiGroup": "rbac.authorization.k8s.io"]
            _ = try await admin.create(binding)

            let allowed = try await eventually {
                try? await jane.list(Resources.configMaps, namespace: "default")
            }
            #expect(allowed.items.allSatisfy { $0.kind == "ConfigMap" })
            let write = await #expect(throws: KubeError.self) { try await jane.create(configMap("not-mine")) }
            #expect(write?.category == .forbidden)
            #expect(write?.isRetryable == false)
        }
    }

    @Test func aRotatedTokenFileIsReadAgainAfterA401() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-rotation-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let authFile = directory.appendingPathComponent("tokens.csv")
        let mounted = directory.appendingPathComponent("serviceaccount-token")
        try "first-token-0001,robot,robot-uid,\"system:masters\"\n".write(to: authFile, atomically: true, encoding: .utf8)
        try "first-token-0001\n".write(to: mounted, atomically: true, encoding: .utf8)
        try await RunningCluster.with(configure: { $0.tokenAuthFile = authFile }) { cluster in
            let robot = try cluster.client { configuration in
                var user = Kubeconfig.User()
                user.tokenFile = mounted.path
                configuration.user = user
            }
            _ = try await robot.list(Resources.namespaces)

            // The token rotates: the server accepts only the new one, and the file holds it.
            try "second-token-0002,robot,robot-uid,\"system:masters\"\n".write(to: authFile, atomically: true, encoding: .utf8)
            try "second-token-0002\n".write(to: mounted, atomically: true, encoding: .utf8)
            _ = try await eventually {
                // The server re-reads its file when it changes; until then the old token still works.
                let before = robot.metrics.requests.filter { $0.key.statusCode == 401 }.values.reduce(0, +)
                _ = try await robot.list(Resources.namespaces)
                let after = robot.metrics.requests.filter { $0.key.statusCode == 401 }.values.reduce(0, +)
                return after > before ? true : nil
            }
            // The 401 made the client read the file again, and the call went through with the new token.
            _ = try await robot.list(Resources.namespaces)

            // A token the server no longer knows, in a file that holds nothing newer: a clear 401.
            try "stale-token\n".write(to: mounted, atomically: true, encoding: .utf8)
            let rejected = try cluster.client { configuration in
                var user = Kubeconfig.User()
                user.tokenFile = mounted.path
                configuration.user = user
            }
            let error = await #expect(throws: KubeError.self) { try await rejected.list(Resources.namespaces) }
            #expect(error?.category == .unauthorized)
            #expect(error?.description.contains("stale-token") == false)
        }
    }
}
