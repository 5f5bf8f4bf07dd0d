import Foundation
import Testing
import Webhooks

@Suite("GitLab webhooks")
struct GitLabWebhookTests {
    private func request(_ body: String, event: String = "Push Hook", token: String? = nil) -> WebhookRequest {
        var headers = ["X-Gitlab-Event": event, "X-Gitlab-Instance": "https://gitlab.example.com"]
        if let token { headers["X-Gitlab-Token"] = token }
        return WebhookRequest(headers: WebhookHeaders(headers), body: Array(body.utf8))
    }

    @Test("a push with the right X-Gitlab-Token yields web, HTTP and SSH URLs, branch and files")
    func push() throws {
        let outcome = try request(Fixtures.gitLabPush, token: "glpat-hook-token").parse(secrets: WebhookSecrets(gitLab: "glpat-hook-token"))
        guard case .push(let push) = outcome else {
            Issue.record("expected a push, got \(outcome)")
            return
        }
        #expect(push.provider == .gitLab)
        #expect(
            push.repositoryURLs == [
                "https://gitlab.example.com/infra/platform-config", "https://gitlab.example.com/infra/platform-config.git",
                "git@gitlab.example.com:infra/platform-config.git",
            ])
        #expect(push.revision == "develop")
        #expect(push.commitSHA == "da1560886d4f094c3e6c9ef40349f7d38b5d27d7")
        #expect(push.changedFiles == ["clusters/prod/values.yaml"])
        #expect(push.defaultBranch == "main")
        #expect(!push.touchesDefaultBranch)
    }

    @Test("a wrong or missing token is refused without echoing either token")
    func wrongToken() {
        for token in ["guessed-token", nil] {
            do {
                _ = try request(Fixtures.gitLabPush, token: token).parse(secrets: WebhookSecrets(gitLab: "glpat-hook-token"))
                Issue.record("accepted token \(token ?? "<none>")")
            } catch {
                #expect(error.isVerificationFailure)
                #expect(error.message.contains("missing or invalid token for GitLab webhook"))
                #expect(!error.message.contains("glpat-hook-token"))
                #expect(!error.message.contains("guessed-token"))
            }
        }
    }

    @Test("tag pushes and system-hook pushes are pushes; merge requests are ignored")
    func eventKinds() throws {
        let tag = Fixtures.gitLabPush.replacingOccurrences(of: "refs/heads/develop", with: "refs/tags/v3.0.0")
        guard case .push(let tagPush) = try request(tag, event: "Tag Push Hook").parse(secrets: WebhookSecrets()) else {
            Issue.record("expected a tag push")
            return
        }
        #expect(tagPush.revision == "v3.0.0")
        guard case .push = try request(Fixtures.gitLabPush, event: "System Hook").parse(secrets: WebhookSecrets()) else {
            Issue.record("expected a system-hook push")
            return
        }
        let projectCreated = #"{"event_name": "project_create", "name": "new-project"}"#
        let systemOutcome = try request(projectCreated, event: "System Hook").parse(secrets: WebhookSecrets())
        #expect(systemOutcome == .ignored(.gitLab, event: "System Hook (project_create)"))
        let mergeRequest = try request(#"{"object_kind": "merge_request"}"#, event: "Merge Request Hook").parse(secrets: WebhookSecrets())
        #expect(mergeRequest == .ignored(.gitLab, event: "Merge Request Hook"))
    }

    @Test("when GitLab cut the commit list short, no file list is reported, so nothing is skipped")
    func truncatedCommits() throws {
        let large = Fixtures.gitLabPush.replacingOccurrences(of: "\"total_commits_count\": 1", with: "\"total_commits_count\": 45")
        guard case .push(let push) = try request(large).parse(secrets: WebhookSecrets()) else {
            Issue.record("expected a push")
            return
        }
        #expect(push.changedFiles.isEmpty)
    }
}
