import Testing
import Webhooks

@Suite("Bitbucket Cloud and Bitbucket Server webhooks")
struct BitbucketWebhookTests {
    private let uuid = "{3f7c1a52-8e44-4b8e-a0b2-2d5c9d1e7f60}"
    private let serverSecret = "bb-server-secret"

    private func cloud(_ body: String, event: String = "repo:push", uuid: String) -> WebhookRequest {
        WebhookRequest(headers: ["X-Event-Key": event, "X-Hook-UUID": uuid, "X-Request-UUID": "a1b2c3"], body: Array(body.utf8))
    }

    private func server(_ body: String, event: String = "repo:refs_changed", signature: String? = nil) -> WebhookRequest {
        var headers = ["X-Event-Key": event, "X-Request-Id": "0e0e0e0e"]
        if let signature { headers["X-Hub-Signature"] = signature }
        return WebhookRequest(headers: WebhookHeaders(headers), body: Array(body.utf8))
    }

    @Test("Bitbucket Cloud: a push with the configured X-Hook-UUID yields the branch; files and default branch are unknown")
    func cloudPush() throws {
        let outcome = try cloud(Fixtures.bitbucketPush, uuid: uuid).parse(secrets: WebhookSecrets(bitbucketUUID: uuid))
        guard case .push(let push) = outcome else {
            Issue.record("expected a push, got \(outcome)")
            return
        }
        #expect(push.provider == .bitbucket)
        #expect(push.repositoryURLs == ["https://bitbucket.org/example-team/deployments"])
        #expect(push.revision == "release/2.x")
        #expect(push.commitSHA == "1e65c05c1d5171631d92438a13901ca7dae9618c")
        #expect(push.previousCommitSHA == "0e65c05c1d5171631d92438a13901ca7dae9618b")
        #expect(push.changedFiles.isEmpty)
        #expect(push.defaultBranch == nil)
        #expect(push.touchesDefaultBranch)
    }

    @Test("Bitbucket Cloud: another hook's UUID is refused without naming either UUID")
    func cloudWrongUUID() {
        let other = "{00000000-1111-2222-3333-444444444444}"
        do {
            _ = try cloud(Fixtures.bitbucketPush, uuid: other).parse(secrets: WebhookSecrets(bitbucketUUID: uuid))
            Issue.record("accepted another hook's UUID")
        } catch {
            #expect(error.isVerificationFailure)
            #expect(error.message.contains("Bitbucket webhook"))
            #expect(!error.message.contains(uuid) && !error.message.contains(other))
        }
    }

    @Test("Bitbucket Cloud: events other than repo:push are ignored")
    func cloudOtherEvent() throws {
        #expect(try cloud("{}", event: "pullrequest:created", uuid: uuid).parse(secrets: WebhookSecrets()) == .ignored(.bitbucket, event: "pullrequest:created"))
    }

    @Test("Bitbucket Server: refs_changed with a valid sha256 X-Hub-Signature yields both clone URLs and the branch")
    func serverPush() throws {
        let signature = "sha256=" + Sign.hmacSHA256Hex(Fixtures.bitbucketServerRefsChanged, secret: serverSecret)
        let outcome = try server(Fixtures.bitbucketServerRefsChanged, signature: signature).parse(secrets: WebhookSecrets(bitbucketServer: serverSecret))
        guard case .push(let push) = outcome else {
            Issue.record("expected a push, got \(outcome)")
            return
        }
        #expect(push.provider == .bitbucketServer)
        #expect(push.repositoryURLs == ["ssh://git@bitbucket.example.com:7999/ops/manifests.git", "https://bitbucket.example.com/scm/ops/manifests.git"])
        #expect(push.revision == "main")
        #expect(push.commitSHA == "178864a7d521b6f5e720b386b2c2b0ef8563e0dc")
        #expect(push.changedFiles.isEmpty)
        #expect(push.touchesDefaultBranch)
    }

    @Test("Bitbucket Server: a missing or wrong signature is refused; the connection test is answered regardless")
    func serverVerification() throws {
        let wrong = "sha256=" + Sign.hmacSHA256Hex(Fixtures.bitbucketServerRefsChanged, secret: "guess")
        for signature in [wrong, nil] {
            #expect(throws: WebhookError.self) {
                try server(Fixtures.bitbucketServerRefsChanged, signature: signature).parse(secrets: WebhookSecrets(bitbucketServer: serverSecret))
            }
        }
        #expect(try server("", event: "diagnostics:ping").parse(secrets: WebhookSecrets(bitbucketServer: serverSecret)) == .ping(.bitbucketServer))
    }
}
