import Testing
import Webhooks

@Suite("Gogs and Gitea webhooks")
struct GogsAndGiteaWebhookTests {
    private let secret = "gogs-shared-secret"

    @Test("Gogs: a push with a valid X-Gogs-Signature (bare hex) yields URLs, branch and files")
    func gogsPush() throws {
        let body = Fixtures.gogsPush()
        let request = WebhookRequest(
            headers: ["X-Gogs-Event": "push", "X-Gogs-Delivery": "f6266f16-1bf3-46a5-9ea4-602e06ead473", "X-Gogs-Signature": Sign.hmacSHA256Hex(body, secret: secret)],
            body: Array(body.utf8)
        )
        guard case .push(let push) = try request.parse(secrets: WebhookSecrets(gogs: secret)) else {
            Issue.record("expected a push")
            return
        }
        #expect(push.provider == .gogs)
        #expect(
            push.repositoryURLs == [
                "https://git.example.com/ops/cluster-apps", "https://git.example.com/ops/cluster-apps.git", "git@git.example.com:ops/cluster-apps.git",
            ])
        #expect(push.revision == "main")
        #expect(push.changedFiles == ["monitoring/prometheus.yaml", "kustomization.yaml"])
        #expect(push.defaultBranch == "main")
    }

    @Test("Gitea: recognised despite also sending Gogs and GitHub headers, and verified with the Gogs secret")
    func giteaPush() throws {
        let body = Fixtures.gogsPush(totalCommits: 1)
        let digest = Sign.hmacSHA256Hex(body, secret: secret)
        let headers: WebhookHeaders = [
            "X-Gitea-Event": "push", "X-Gogs-Event": "push", "X-GitHub-Event": "push",
            "X-Gitea-Signature": digest, "X-Gogs-Signature": digest, "X-Hub-Signature-256": "sha256=" + digest,
        ]
        let request = WebhookRequest(headers: headers, body: Array(body.utf8))
        #expect(request.provider == .gitea)
        guard case .push(let push) = try request.parse(secrets: WebhookSecrets(gogs: secret)) else {
            Issue.record("expected a push")
            return
        }
        #expect(push.provider == .gitea)
        #expect(push.changedFiles == ["monitoring/prometheus.yaml", "kustomization.yaml"])

        let forged = WebhookRequest(headers: ["X-Gitea-Event": "push", "X-Gitea-Signature": Sign.hmacSHA256Hex(body, secret: "x")], body: Array(body.utf8))
        do {
            _ = try forged.parse(secrets: WebhookSecrets(gogs: secret))
            Issue.record("a forged Gitea delivery was accepted")
        } catch {
            #expect(error.message.contains("missing or invalid signature for Gitea webhook"))
            #expect(error.message.contains("webhook.gogs.secret"))
        }
    }

    @Test("Gitea: a commit list cut short reports no files; non-push events are ignored")
    func giteaTruncatedAndIgnored() throws {
        let body = Fixtures.gogsPush(totalCommits: 12)
        guard case .push(let push) = try WebhookRequest(headers: ["X-Gitea-Event": "push"], body: Array(body.utf8)).parse(secrets: WebhookSecrets()) else {
            Issue.record("expected a push")
            return
        }
        #expect(push.changedFiles.isEmpty)
        let issue = WebhookRequest(headers: ["X-Gitea-Event": "issues"], body: Array(#"{"action": "opened"}"#.utf8))
        #expect(try issue.parse(secrets: WebhookSecrets()) == .ignored(.gitea, event: "issues"))
    }
}
