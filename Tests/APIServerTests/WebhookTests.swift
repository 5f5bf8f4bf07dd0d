import AppController
import ClusterTestSupport
import Crypto
import Foundation
import KubeClient
import KubeModel
import NIOHTTP1
import Testing

/// `/api/webhook` as GitHub calls it: a signed push refreshes exactly the applications it moved;
/// a bad signature is refused with 400 and logged, and refreshes nothing.
@Suite struct WebhookTests {
    static let secret = "hook-secret"

    static func payload(branch: String) -> String {
        """
        {"ref":"refs/heads/\(branch)","before":"1111111111111111111111111111111111111111","after":"2222222222222222222222222222222222222222",
         "repository":{"html_url":"https://github.com/acme/deploy","clone_url":"https://github.com/acme/deploy.git","ssh_url":"git@github.com:acme/deploy.git","default_branch":"main"},
         "commits":[{"added":["web/deployment.yaml"],"modified":[],"removed":[]}]}
        """
    }

    static func signature(_ body: String, key: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Array(body.utf8), using: SymmetricKey(data: Array(key.utf8)))
        return "sha256=" + code.map { String(format: "%02x", $0) }.joined()
    }

    @Test func aSignedPushRefreshesOnlyTheApplicationsItMoved() async throws {
        let logs = RecordedLogs()
        try await APITestServer.with(logs: logs) { server in
            let secrets = GroupVersionResource(group: "", version: "v1", resource: "secrets")
            var settings = try await server.client.get(secrets, namespace: "argocd", name: "argocd-secret")
            settings[path: "data", "webhook.github.secret"] = .string(Data(Self.secret.utf8).base64EncodedString())
            _ = try await server.client.update(secrets, namespace: "argocd", settings)
            try await server.createApplication("web", repoURL: "git@github.com:acme/deploy.git", revision: "HEAD")
            try await server.createApplication("web-release", repoURL: "https://github.com/acme/deploy", revision: "release")
            try await server.createApplication("other", repoURL: "https://github.com/acme/other.git")

            let body = Self.payload(branch: "main")
            let forged = try await server.call(
                .POST, "/api/webhook", body: try JSONParser.parse(bytes: Array(body.utf8)),
                headers: [("X-GitHub-Event", "push"), ("X-Hub-Signature-256", Self.signature(body, key: "wrong"))])
            #expect(forged.status == 400, "\(forged.text)")
            #expect(!forged.text.contains(Self.secret))
            #expect(logs.all.contains { $0.contains("webhook refused") }, "\(logs.all)")

            // The secret reaches the server through its watch of argocd-secret; until then an unsigned check passes nothing.
            let raw = JSONWriter.string(try JSONParser.parse(bytes: Array(body.utf8)))
            try await eventually("the signed push is accepted", timeout: .seconds(30)) {
                let answer = try await server.call(
                    .POST, "/api/webhook", body: try JSONParser.parse(bytes: Array(raw.utf8)),
                    headers: [("X-GitHub-Event", "push"), ("X-Hub-Signature-256", Self.signature(raw, key: Self.secret))])
                return answer.status == 200 && answer.json["refreshed"] == ["web"]
            }
            func refresh(_ name: String) async throws -> String? {
                try await server.client.get(ArgoCRDs.applications, namespace: "argocd", name: name).annotation("argocd.argoproj.io/refresh")
            }
            #expect(try await refresh("web") == "normal")
            #expect(try await refresh("web-release") == nil)
            #expect(try await refresh("other") == nil)
        }
    }
}
