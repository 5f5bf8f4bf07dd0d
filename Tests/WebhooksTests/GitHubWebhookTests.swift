import Foundation
import Testing
import Webhooks

@Suite("GitHub webhooks")
struct GitHubWebhookTests {
    private let secret = "gh-s3cret-value"

    private func request(_ body: String, event: String = "push", headers extra: [String: String] = [:]) -> WebhookRequest {
        var headers = ["X-GitHub-Event": event, "X-GitHub-Delivery": "72d3162e-cc78-11e3-81ab-4c9367dc0958", "Content-Type": "application/json"]
        headers.merge(extra) { $1 }
        return WebhookRequest(headers: WebhookHeaders(headers), body: Array(body.utf8))
    }

    @Test("a push with a valid X-Hub-Signature-256 yields the repository, branch, commit and changed files")
    func signedPush() throws {
        let signature = "sha256=" + Sign.hmacSHA256Hex(Fixtures.gitHubPush, secret: secret)
        let outcome = try request(Fixtures.gitHubPush, headers: ["X-Hub-Signature-256": signature]).parse(secrets: WebhookSecrets(gitHub: secret))
        guard case .push(let push) = outcome else {
            Issue.record("expected a push, got \(outcome)")
            return
        }
        #expect(push.provider == .gitHub)
        #expect(
            push.repositoryURLs == [
                "https://github.com/example-org/guestbook", "https://github.com/example-org/guestbook.git", "git@github.com:example-org/guestbook.git",
            ])
        #expect(push.revision == "main")
        #expect(push.commitSHA == "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c")
        #expect(push.previousCommitSHA == "9049f1265b7d61be4a8904a9a27120d2064dab3b")
        #expect(push.changedFiles == ["apps/guestbook/hpa.yaml", "apps/guestbook/deployment.yaml", "README.md", "apps/legacy/service.yaml"])
        #expect(push.defaultBranch == "main")
        #expect(push.touchesDefaultBranch)
    }

    @Test("a wrong signature is refused with a message that repeats neither the secret nor the signature")
    func wrongSignature() {
        let forged = "sha256=" + Sign.hmacSHA256Hex(Fixtures.gitHubPush, secret: "not-the-secret")
        do {
            _ = try request(Fixtures.gitHubPush, headers: ["X-Hub-Signature-256": forged]).parse(secrets: WebhookSecrets(gitHub: secret))
            Issue.record("a forged delivery was accepted")
        } catch {
            #expect(error.isVerificationFailure)
            #expect(error.message.contains("missing or invalid signature for GitHub webhook"))
            #expect(error.message.contains("webhook.github.secret"))
            #expect(!error.message.contains(secret))
            #expect(!error.message.contains(String(forged.dropFirst(7))))
        }
    }

    @Test("a body changed after signing is refused")
    func tamperedBody() {
        let signature = "sha256=" + Sign.hmacSHA256Hex(Fixtures.gitHubPush, secret: secret)
        let tampered = Fixtures.gitHubPush.replacingOccurrences(of: "refs/heads/main", with: "refs/heads/evil")
        #expect(throws: WebhookError.self) {
            try request(tampered, headers: ["X-Hub-Signature-256": signature]).parse(secrets: WebhookSecrets(gitHub: secret))
        }
    }

    @Test("with a secret configured, an unsigned delivery is refused")
    func missingSignature() {
        #expect(throws: WebhookError.self) { try request(Fixtures.gitHubPush).parse(secrets: WebhookSecrets(gitHub: secret)) }
        do {
            _ = try request(Fixtures.gitHubPush).parse(secrets: WebhookSecrets(gitHub: secret))
        } catch {
            #expect(error.message.contains("X-Hub-Signature-256"))
        }
    }

    @Test("without a secret configured, deliveries are accepted unsigned")
    func noSecret() throws {
        guard case .push(let push) = try request(Fixtures.gitHubPush).parse(secrets: WebhookSecrets()) else {
            Issue.record("expected a push")
            return
        }
        #expect(push.revision == "main")
    }

    @Test("the legacy sha1 X-Hub-Signature is accepted when no sha256 signature is sent")
    func legacySignature() throws {
        let signature = "sha1=" + Sign.hmacSHA1Hex(Fixtures.gitHubPush, secret: secret)
        let outcome = try request(Fixtures.gitHubPush, headers: ["X-Hub-Signature": signature]).parse(secrets: WebhookSecrets(gitHub: secret))
        guard case .push = outcome else {
            Issue.record("expected a push")
            return
        }
        let wrong = "sha1=" + Sign.hmacSHA1Hex(Fixtures.gitHubPush, secret: "other")
        #expect(throws: WebhookError.self) {
            try request(Fixtures.gitHubPush, headers: ["X-Hub-Signature": wrong]).parse(secrets: WebhookSecrets(gitHub: secret))
        }
    }

    @Test("header names are matched regardless of case")
    func headerCase() throws {
        let signature = "sha256=" + Sign.hmacSHA256Hex(Fixtures.gitHubPush, secret: secret)
        let request = WebhookRequest(headers: ["x-github-event": "push", "x-hub-signature-256": signature], body: Array(Fixtures.gitHubPush.utf8))
        #expect(request.provider == .gitHub)
        guard case .push = try request.parse(secrets: WebhookSecrets(gitHub: secret)) else {
            Issue.record("expected a push")
            return
        }
    }

    @Test("ping is acknowledged and other events are ignored, not refused")
    func pingAndOtherEvents() throws {
        let ping = "sha256=" + Sign.hmacSHA256Hex(Fixtures.gitHubPing, secret: secret)
        #expect(try request(Fixtures.gitHubPing, event: "ping", headers: ["X-Hub-Signature-256": ping]).parse(secrets: WebhookSecrets(gitHub: secret)) == .ping(.gitHub))
        #expect(try request(#"{"action": "opened"}"#, event: "issues").parse(secrets: WebhookSecrets()) == .ignored(.gitHub, event: "issues"))
    }

    @Test("a tag push names the tag without refs/tags/ and does not touch the default branch")
    func tagPush() throws {
        guard case .push(let push) = try request(Fixtures.gitHubTagPush).parse(secrets: WebhookSecrets()) else {
            Issue.record("expected a push")
            return
        }
        #expect(push.revision == "v1.2.0")
        #expect(!push.touchesDefaultBranch)
        #expect(push.changedFiles.isEmpty)
    }

    @Test("a body that is not JSON is refused with an error naming GitHub")
    func malformedBody() {
        do {
            _ = try request("payload=%7B%22ref%22", headers: [:]).parse(secrets: WebhookSecrets())
            Issue.record("a form-encoded body was accepted")
        } catch {
            #expect(!error.isVerificationFailure)
            #expect(error.message.contains("malformed GitHub webhook payload"))
        }
    }
}
