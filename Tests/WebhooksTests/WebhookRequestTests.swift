import Testing
import Webhooks

@Suite("Webhook requests in general")
struct WebhookRequestTests {
    @Test("a request from no known provider is refused with the headers Wharf looks for")
    func unknownProvider() {
        do {
            _ = try WebhookRequest(headers: ["User-Agent": "curl/8.5.0"], body: Array("{}".utf8)).parse(secrets: WebhookSecrets())
            Issue.record("an unknown delivery was accepted")
        } catch {
            #expect(!error.isVerificationFailure)
            for header in ["X-GitHub-Event", "X-Gitlab-Event", "X-Hook-UUID", "X-Event-Key", "X-Gogs-Event", "X-Gitea-Event"] {
                #expect(error.message.contains(header))
            }
        }
    }

    @Test("an empty header value counts as absent")
    func emptyHeader() {
        #expect(WebhookRequest(headers: ["X-GitHub-Event": ""], body: []).provider == nil)
    }

    @Test("an empty body or a JSON array is malformed, named after the provider")
    func malformed() {
        for (headers, body, provider) in [
            (["X-Gitlab-Event": "Push Hook"] as WebhookHeaders, "", "GitLab"), (["X-Gogs-Event": "push"], "[1, 2]", "Gogs"),
            (["X-Event-Key": "repo:refs_changed"], "{\"changes\": ", "Bitbucket Server"),
        ] {
            do {
                _ = try WebhookRequest(headers: headers, body: Array(body.utf8)).parse(secrets: WebhookSecrets())
                Issue.record("accepted \(body)")
            } catch {
                #expect(error.message.contains("malformed \(provider) webhook payload"))
            }
        }
    }

    @Test("secrets are read from argocd-secret's keys and never printed")
    func secretsFromArgoCDSecret() {
        let secrets = WebhookSecrets(secretData: [
            "webhook.github.secret": "gh", "webhook.gitlab.secret": "gl", "webhook.bitbucket.uuid": "{uuid}",
            "webhook.bitbucketserver.secret": "bbs", "webhook.gogs.secret": "gogs", "webhook.azuredevops.username": "user",
            "webhook.azuredevops.password": "pw-value", "server.secretkey": "unrelated",
        ])
        #expect(secrets.gitHub == "gh")
        #expect(secrets.gitLab == "gl")
        #expect(secrets.bitbucketUUID == "{uuid}")
        #expect(secrets.bitbucketServer == "bbs")
        #expect(secrets.gogs == "gogs")
        #expect(secrets.azureDevOpsUsername == "user")
        #expect(secrets.azureDevOpsPassword == "pw-value")
        #expect(secrets.description.contains("webhook.github.secret"))
        #expect(!secrets.description.contains("pw-value"))
        #expect(!WebhookSecrets(gitLab: "x").description.contains("webhook.github.secret"))
    }
}
