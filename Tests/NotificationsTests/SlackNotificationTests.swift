import ClusterTestSupport
import KubeClient
import KubeModel
import Testing

/// Slack through an incoming webhook whose URL comes from `argocd-notifications-secret`.
@Suite(.timeLimit(.minutes(2)))
struct SlackNotificationTests {
    @Test func slackIncomingWebhookFromTheSecretGetsTheCatalogMessage() async throws {
        try await WebhookReceiver.with { receiver, url in
            try await RunningCluster.withArgoCD { client in
                var secret = KubeObject(apiVersion: "v1", kind: "Secret", name: "argocd-notifications-secret", namespace: "argocd").content
                secret["stringData"] = ["slack-url": .string(url + "/services/T000/B000/XXXX")]
                _ = try await client.create(GroupVersionResource(group: "", version: "v1", resource: "secrets"), namespace: "argocd", try KubeObject(secret))
                try await client.createNotificationsConfigMap(["service.slack": "webhookURL: $slack-url\nusername: wharf"])
                try await client.createApplication("guestbook", annotations: ["notifications.argoproj.io/subscribe.on-health-degraded.slack": "deployments"])
                try await client.withNotificationController { _ in
                    try await client.patchStatus("guestbook", ["health": ["status": "Degraded", "message": "pod crashed"]])
                    let received = try #require(try await receiver.waitForAccepted(1).first)
                    #expect(received.method == "POST")
                    #expect(received.path == "/services/T000/B000/XXXX")
                    let message = try JSONParser.parse(received.body)
                    #expect(message["text"]?.stringValue == ":exclamation: guestbook is degraded: pod crashed.")
                    #expect(message["username"]?.stringValue == "wharf")
                }
            }
        }
    }
}
