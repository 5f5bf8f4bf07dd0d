import ClusterTestSupport
import KubeClient
import KubeModel
import Notifications
import Testing

/// The notification controller against the embedded cluster and a real HTTP receiver: the issue's
/// acceptance, "a notification webhook receives exactly one message per state change, with the
/// rendered template".
@Suite(.timeLimit(.minutes(3)))
struct NotificationEndToEndTests {
    private static let subscribe = "notifications.argoproj.io/subscribe."

    /// The receiver as a webhook service, and the catalog's templates given a webhook part that posts
    /// the rendered state.
    private static func configuration(url: String) -> [String: String] {
        var data = ["service.webhook.receiver": "url: \(url)\nheaders:\n- name: Content-Type\n  value: text/plain"]
        for template in ["app-sync-running", "app-sync-succeeded", "app-health-degraded", "app-deployed"] {
            data["template.\(template)"] = """
                webhook:
                  receiver:
                    method: POST
                    path: /\(template)
                    body: "{{.app.metadata.name}} phase={{.app.status.operationState.phase}} health={{.app.status.health.status}} revision={{.app.status.operationState.syncResult.revision}}"
                """
        }
        return data
    }

    private static func status(phase: String, health: String, revision: String = "r1") -> JSONValue {
        ["operationState": ["phase": .string(phase), "syncResult": ["revision": .string(revision)]], "health": ["status": .string(health)]]
    }

    @Test func webhookReceivesOneRenderedMessagePerStateChange() async throws {
        try await WebhookReceiver.with { receiver, url in
            try await RunningCluster.withArgoCD { client in
                try await client.createNotificationsConfigMap(Self.configuration(url: url))
                let triggers = ["on-sync-running", "on-sync-succeeded", "on-health-degraded", "on-deployed"]
                try await client.createApplication(
                    "guestbook", annotations: Dictionary(uniqueKeysWithValues: triggers.map { (Self.subscribe + $0 + ".receiver", "") }))
                try await client.withNotificationController { _ in
                    try await client.patchStatus("guestbook", Self.status(phase: "Running", health: "Progressing"))
                    var received = try await receiver.waitForAccepted(1)
                    #expect(received == [ReceivedRequest(method: "POST", path: "/app-sync-running", body: "guestbook phase=Running health=Progressing revision=r1")])

                    try await client.patchStatus("guestbook", Self.status(phase: "Succeeded", health: "Progressing"))
                    received = try await receiver.waitForAccepted(2)
                    #expect(received.last == ReceivedRequest(method: "POST", path: "/app-sync-succeeded", body: "guestbook phase=Succeeded health=Progressing revision=r1"))

                    try await client.patchStatus("guestbook", Self.status(phase: "Succeeded", health: "Degraded"))
                    received = try await receiver.waitForAccepted(3)
                    #expect(received.last?.path == "/app-health-degraded")

                    try await client.patchStatus("guestbook", Self.status(phase: "Succeeded", health: "Healthy"))
                    received = try await receiver.waitForAccepted(4)
                    #expect(received.last == ReceivedRequest(method: "POST", path: "/app-deployed", body: "guestbook phase=Succeeded health=Healthy revision=r1"))

                    // Unrelated updates send nothing more.
                    _ = try await client.patch(RunningCluster.applications, namespace: "argocd", name: "guestbook", type: .merge, ["metadata": ["labels": ["team": "web"]]])
                    try await client.patchStatus("guestbook", ["reconciledAt": "2024-05-01T10:00:00Z"])
                    try await Task.sleep(for: .seconds(2))
                    #expect(receiver.accepted.count == 4)
                }
                // What was sent is remembered in the annotation, in upstream's format.
                let app = try await client.get(RunningCluster.applications, namespace: "argocd", name: "guestbook")
                let notified = try JSONParser.parse(try #require(app.annotation(NotificationState.annotation)))
                #expect(notified.objectValue?.keys.contains { $0.hasPrefix("r1:on-deployed:[0].") && $0.hasSuffix(":receiver:") } == true)
                #expect(app.label("team") == "web")
                #expect(app[path: "status", "health", "status"]?.stringValue == "Healthy")

                // A restarted controller sends nothing again, then reports the next change once.
                try await client.withNotificationController { _ in
                    try await Task.sleep(for: .seconds(2))
                    #expect(receiver.accepted.count == 4)
                    try await client.patchStatus("guestbook", Self.status(phase: "Succeeded", health: "Degraded"))
                    let received = try await receiver.waitForAccepted(5)
                    #expect(received.last?.path == "/app-health-degraded")
                    // Healthy again at the same revision: on-deployed fires once per revision only.
                    try await client.patchStatus("guestbook", Self.status(phase: "Succeeded", health: "Healthy"))
                    try await Task.sleep(for: .seconds(2))
                    #expect(receiver.accepted.count == 5)
                }
            }
        }
    }

    @Test func failingServiceGetsTheMessageOnceItRecovers() async throws {
        try await WebhookReceiver.with { receiver, url in
            try await RunningCluster.withArgoCD { client in
                receiver.failNext(2)
                try await client.createNotificationsConfigMap(Self.configuration(url: url))
                try await client.createApplication("guestbook", annotations: [Self.subscribe + "on-health-degraded.receiver": ""])
                try await client.withNotificationController { _ in
                    try await client.patchStatus("guestbook", Self.status(phase: "Succeeded", health: "Degraded"))
                    let received = try await receiver.waitForAccepted(1)
                    #expect(received.map(\.path) == ["/app-health-degraded"])
                    #expect(receiver.attempts == 3)
                    try await Task.sleep(for: .seconds(2))
                    #expect(receiver.accepted.count == 1)
                }
            }
        }
    }

    @Test func malformedTriggerIsReportedAndOthersStillWork() async throws {
        try await WebhookReceiver.with { receiver, url in
            try await RunningCluster.withArgoCD { client in
                var data = Self.configuration(url: url)
                data["trigger.on-broken"] = "- when: app.status.health.status == 'Degraded' and time.Now() > 0\n  send: [app-health-degraded]"
                try await client.createNotificationsConfigMap(data)
                try await client.createApplication(
                    "guestbook", annotations: [Self.subscribe + "on-broken.receiver": "", Self.subscribe + "on-health-degraded.receiver": ""])
                try await client.withNotificationController { controller in
                    try await client.patchStatus("guestbook", Self.status(phase: "Succeeded", health: "Degraded"))
                    let received = try await receiver.waitForAccepted(1)
                    #expect(received.map(\.path) == ["/app-health-degraded"])
                    let problems = await controller.configurationProblems()
                    #expect(problems.contains { $0.contains("trigger.on-broken") && $0.contains("column 44") && $0.contains("not supported") })
                    try await Task.sleep(for: .seconds(1))
                    #expect(receiver.accepted.count == 1)
                }
            }
        }
    }
}
