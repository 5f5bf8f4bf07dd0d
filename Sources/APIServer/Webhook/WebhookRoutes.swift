import AppController
import Foundation
import HTTPTypes
import KubeClient
import KubeModel
import Logging
import Webhooks

/// `/api/webhook`: Git providers' push notifications. The payload is verified with the secret
/// configured for its provider in `argocd-secret` (when there is one), and exactly the Applications
/// whose sources the push moved get a refresh request — which makes the controller forget the
/// repository's resolved revisions and compare again at once, instead of at its next poll.
struct WebhookRoutes {
    let services: APIServices

    var routes: [APIRoute] {
        [
            APIRoute(.post, "/api/webhook", access: .everyone, tag: "Webhook", summary: "Receive a Git push (GitHub, GitLab, Bitbucket, Gogs, Gitea, Azure DevOps)", body: true) {
                try await receive($0)
            }
        ]
    }

    private func receive(_ request: APIRequest) async throws -> APIResponse {
        let headers = WebhookHeaders(request.headers.map { ($0.name.canonicalName, $0.value) })
        let outcome: WebhookOutcome
        do throws(WebhookError) {
            outcome = try WebhookRequest(headers: headers, body: request.body).parse(secrets: WebhookSecrets(secretData: services.settings.current.secret))
        } catch {
            services.logger.warning(
                "webhook refused", metadata: ["reason": .string(error.message), "verification": .string(String(error.isVerificationFailure))])
            throw APIError.invalid("Webhook processing failed: \(error.message)")
        }
        guard case .push(let event) = outcome else { return .text("") }
        var refreshed: [String] = []
        for application in await services.applications.list() where WebhookMatcher.affects(application: application, event: event) {
            let name = application.name
            do {
                _ = try await services.client.patch(
                    ArgoCRDs.applications, namespace: services.namespace, name: name, type: .merge, RefreshAnnotation.normalRefreshPatch)
                refreshed.append(name)
            } catch {
                services.logger.warning("webhook refresh failed", metadata: ["application": .string(name), "error": .string(error.message)])
            }
        }
        services.logger.info(
            "webhook push", metadata: ["revision": .string(event.revision), "refreshed": .string(refreshed.sorted().joined(separator: ","))])
        return .json(["refreshed": .array(refreshed.sorted().map(JSONValue.string))])
    }
}
