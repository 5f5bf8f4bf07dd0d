import Foundation
import Testing
import Webhooks

@Suite("Azure DevOps webhooks")
struct AzureDevOpsWebhookTests {
    private let secrets = WebhookSecrets(azureDevOpsUsername: "argocd", azureDevOpsPassword: "hook-password")

    private func request(_ body: String = Fixtures.azureDevOpsPush, user: String? = nil, password: String = "") -> WebhookRequest {
        var headers = ["X-Vss-ActivityId": "a5a4e2cc-1f4f-4c4e-8f0e-4b0f3a1f7c11", "Content-Type": "application/json; charset=utf-8"]
        if let user { headers["Authorization"] = "Basic " + Data("\(user):\(password)".utf8).base64EncodedString() }
        return WebhookRequest(headers: WebhookHeaders(headers), body: Array(body.utf8))
    }

    @Test("a git.push with the configured basic-auth credentials yields both repository URLs and the branch")
    func push() throws {
        guard case .push(let push) = try request(user: "argocd", password: "hook-password").parse(secrets: secrets) else {
            Issue.record("expected a push")
            return
        }
        #expect(push.provider == .azureDevOps)
        #expect(
            push.repositoryURLs == [
                "https://dev.azure.com/fabrikam/platform/_git/fabrikam-config", "git@ssh.dev.azure.com:v3/fabrikam/platform/fabrikam-config",
            ])
        #expect(push.revision == "main")
        #expect(push.commitSHA == "33b55f7cb7e7e245323987634f960cf4a6e6bc74")
        #expect(push.defaultBranch == "main")
        #expect(push.changedFiles.isEmpty)
    }

    @Test("wrong or missing credentials are refused without echoing the password")
    func wrongCredentials() {
        for candidate in [request(user: "argocd", password: "wrong"), request(user: "someone", password: "hook-password"), request()] {
            do {
                _ = try candidate.parse(secrets: secrets)
                Issue.record("accepted bad credentials")
            } catch {
                #expect(error.isVerificationFailure)
                #expect(error.message.contains("missing or invalid basic authentication for Azure DevOps webhook"))
                #expect(!error.message.contains("hook-password"))
            }
        }
    }

    @Test("service hooks other than git.push are ignored")
    func otherEvent() throws {
        #expect(try request(#"{"eventType": "build.complete"}"#).parse(secrets: WebhookSecrets()) == .ignored(.azureDevOps, event: "build.complete"))
    }
}
