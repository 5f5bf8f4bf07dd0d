import Foundation
import KubeModel
@testable import LocalCluster
import Testing

/// Legacy service-account token Secrets, as kubectl sees them: the cluster fills them, their tokens
/// authenticate as the ServiceAccount under RBAC, and deleting the Secret or the account revokes them.
@Suite(.enabled(if: Kubectl.path != nil, "kubectl is not installed, so service-account tokens cannot be exercised with it"))
struct ServiceAccountTokenTests {
    private static func manifest(account: String, secret: String, namespace: String) -> String {
        """
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: \(account), namespace: \(namespace)}
        ---
        \(secretManifest(account: account, secret: secret, namespace: namespace))
        """
    }

    private static func secretManifest(account: String, secret: String, namespace: String) -> String {
        """
        apiVersion: v1
        kind: Secret
        type: kubernetes.io/service-account-token
        metadata:
          name: \(secret)
          namespace: \(namespace)
          annotations: {kubernetes.io/service-account.name: \(account)}
        """
    }

    /// The token the cluster put into `secret`, once it has.
    private static func token(of secret: String, _ kubectl: Kubectl) async throws -> String {
        let filled = await kubectl.eventually(["get", "secret", secret, "-o", "jsonpath={.data.token}"]) { !$0.isEmpty }
        guard filled.succeeded, let data = Data(base64Encoded: filled.output) else { throw KubectlError(message: "no token in \(secret): \(filled)") }
        return String(decoding: data, as: UTF8.self)
    }

    /// A kubectl that authenticates with `token` to the cluster of `admin`, written into a kubeconfig file
    /// so that the token never appears in a process's arguments.
    private static func kubectl(with token: String, like admin: Kubectl) throws -> Kubectl {
        var kubeconfig = try YAMLReader.read(try String(contentsOfFile: admin.kubeconfig, encoding: .utf8))
        kubeconfig["users"] = [["name": "token-user", "user": ["token": .string(token)]]]
        kubeconfig["contexts"] = .array((kubeconfig["contexts"]?.arrayValue ?? []).map { context in
            var context = context
            context[path: ["context", "user"]] = "token-user"
            return context
        })
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sa-\(UUID().uuidString).kubeconfig")
        try YAMLWriter.string(kubeconfig).write(to: path, atomically: true, encoding: .utf8)
        return Kubectl(kubeconfig: path.path, namespace: admin.namespace)
    }

    /// The CA `admin`'s kubeconfig trusts (PEM).
    private static func clusterCA(of admin: Kubectl) throws -> String? {
        let kubeconfig = try YAMLReader.read(try String(contentsOfFile: admin.kubeconfig, encoding: .utf8))
        return kubeconfig["clusters"]?.arrayValue?.first?[path: ["cluster", "certificate-authority-data"]]?.stringValue
            .flatMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) }
    }

    /// Runs until the result satisfies `condition` or 20 seconds pass (the authenticator's index follows
    /// the store's watch, so a change reaches it just after the write returns).
    private static func eventually(_ kubectl: Kubectl, _ arguments: [String], _ condition: (Kubectl.Result) -> Bool) async -> Kubectl.Result {
        let deadline = Date().addingTimeInterval(20)
        var result = await kubectl.run(arguments)
        while !condition(result) && Date() < deadline {
            try? await Task.sleep(for: .milliseconds(100))
            result = await kubectl.run(arguments)
        }
        return result
    }

    @Test func aTokenSecretAuthenticatesAsItsServiceAccountUnderRBACUntilDeleted() async throws {
        let admin = try await Kubectl.forNewNamespace("satoken")
        let namespace = admin.namespace
        #expect(await admin.apply(Self.manifest(account: "robot", secret: "robot-token", namespace: namespace)).succeeded)
        let token = try await Self.token(of: "robot-token", admin)
        let ca = await admin.run(["get", "secret", "robot-token", "-o", "jsonpath={.data.ca\\.crt}"])
        #expect(Data(base64Encoded: ca.output).map { String(decoding: $0, as: UTF8.self) } == (try Self.clusterCA(of: admin)))
        let recordedNamespace = await admin.run(["get", "secret", "robot-token", "-o", "jsonpath={.data.namespace}"])
        #expect(Data(base64Encoded: recordedNamespace.output).map { String(decoding: $0, as: UTF8.self) } == namespace)

        let robot = try Self.kubectl(with: token, like: admin)
        let whoami = await robot.run(["auth", "whoami"], namespaced: false)
        #expect(whoami.output.contains("system:serviceaccount:\(namespace):robot"), "\(whoami)")
        #expect(whoami.output.contains("[system:serviceaccounts system:serviceaccounts:\(namespace) system:authenticated]"), "\(whoami)")

        // Authenticated, but no binding yet: 403.
        let forbidden = await robot.run(["get", "configmaps"])
        #expect(!forbidden.succeeded && forbidden.error.contains("forbidden"), "\(forbidden)")
        #expect(await admin.run(["create", "role", "reader", "--verb=get,list", "--resource=configmaps"]).succeeded)
        #expect(await admin.run(["create", "rolebinding", "robot-reads", "--role=reader", "--serviceaccount=\(namespace):robot"]).succeeded)
        let allowed = await Self.eventually(robot, ["get", "configmaps"]) { $0.succeeded }
        #expect(allowed.succeeded, "\(allowed)")

        // Deleting the Secret revokes the token: 401.
        #expect(await admin.run(["delete", "secret", "robot-token"]).succeeded)
        let revoked = await Self.eventually(robot, ["get", "configmaps"]) { $0.error.contains("Unauthorized") }
        #expect(!revoked.succeeded && revoked.error.contains("Unauthorized"), "\(revoked)")
    }

    @Test func deletingTheServiceAccountRevokesItsTokensAndTheirSecrets() async throws {
        let admin = try await Kubectl.forNewNamespace("satoken")
        #expect(await admin.apply(Self.manifest(account: "builder", secret: "builder-token", namespace: admin.namespace)).succeeded)
        let builder = try Self.kubectl(with: try await Self.token(of: "builder-token", admin), like: admin)
        #expect(await Self.eventually(builder, ["auth", "whoami"]) { $0.succeeded }.succeeded)

        #expect(await admin.run(["delete", "serviceaccount", "builder"]).succeeded)
        let revoked = await Self.eventually(builder, ["auth", "whoami"]) { $0.error.contains("Unauthorized") }
        #expect(revoked.error.contains("Unauthorized"), "\(revoked)")
        let gone = await admin.eventually(["get", "secrets", "-o", "name"]) { !$0.contains("builder-token") }
        #expect(!gone.output.contains("builder-token"), "\(gone)")
    }

    @Test func aSecretWaitsForItsServiceAccountAndChosenOrCopiedTokensAreRefused() async throws {
        let admin = try await Kubectl.forNewNamespace("satoken")
        let namespace = admin.namespace
        // A user who may write Secrets cannot pick a token for an account.
        let chosen = "chosen-\(UUID().uuidString)"
        let forged = """
            apiVersion: v1
            kind: Secret
            type: kubernetes.io/service-account-token
            metadata: {name: forged, namespace: \(namespace), annotations: {kubernetes.io/service-account.name: admin}}
            stringData: {token: \(chosen)}
            """
        #expect(await admin.apply(forged).succeeded)
        // The Secret comes before its account, and is filled once the account exists.
        #expect(await admin.apply(Self.secretManifest(account: "low", secret: "low-token", namespace: namespace)).succeeded)
        #expect(await admin.run(["get", "secret", "low-token", "-o", "jsonpath={.data.token}"]).output.isEmpty)
        #expect(await admin.run(["create", "serviceaccount", "low"]).succeeded)
        #expect(await admin.run(["create", "serviceaccount", "admin"]).succeeded)
        let lowToken = try await Self.token(of: "low-token", admin)

        let withChosen = try Self.kubectl(with: chosen, like: admin)
        #expect(await withChosen.run(["auth", "whoami"]).error.contains("Unauthorized"))
        // Copying low's token into a Secret that names another account does not make it that account.
        let copy = """
            apiVersion: v1
            kind: Secret
            type: kubernetes.io/service-account-token
            metadata: {name: copied, namespace: \(namespace), annotations: {kubernetes.io/service-account.name: admin}}
            stringData: {token: "\(lowToken)"}
            """
        #expect(await admin.apply(copy).succeeded)
        #expect(await admin.run(["delete", "secret", "low-token"]).succeeded)
        let withCopy = try Self.kubectl(with: lowToken, like: admin)
        let refused = await Self.eventually(withCopy, ["auth", "whoami"]) { $0.error.contains("Unauthorized") }
        #expect(refused.error.contains("Unauthorized"), "\(refused)")
    }

    @Test func theSignerRejectsTamperedTokens() throws {
        let signer = ServiceAccountTokenSigner(secret: "key")
        let claims = ServiceAccountTokenSigner.Claims(namespace: "ns", secretName: "s", serviceAccountName: "sa", serviceAccountUID: "uid")
        let token = signer.issue(claims)
        #expect(signer.verify(token) == claims)
        #expect(signer.issue(claims) != token)
        #expect(ServiceAccountTokenSigner(secret: "other").verify(token) == nil)
        var parts = token.split(separator: ".").map(String.init)
        parts[1] = parts[1].replacingOccurrences(of: parts[1].prefix(4), with: "AAAA")
        #expect(signer.verify(parts.joined(separator: ".")) == nil)
        #expect(signer.verify("not-a-token") == nil)
    }
}
