import KubeModel
import Notifications
import Testing

@Suite struct SubscriptionTests {
    @Test func annotationsListRecipientsPerTriggerAndService() {
        let destinations = SubscriptionAnnotations.destinations(
            [
                "notifications.argoproj.io/subscribe.on-sync-succeeded.slack": "my-channel1; my-channel2",
                "notifications.argoproj.io/subscribe.on-deployed.github-hook": "",
                "notifications.argoproj.io/subscribe..slack": "defaults",
                "example.com/other": "x",
            ], defaultTriggers: ["on-sync-failed", "on-sync-succeeded"])
        #expect(
            destinations["on-sync-succeeded"]?.sorted { $0.description < $1.description } == [
                Destination(service: "slack", recipient: "defaults"), Destination(service: "slack", recipient: "my-channel1"),
                Destination(service: "slack", recipient: "my-channel2"),
            ])
        #expect(destinations["on-deployed"] == [Destination(service: "github-hook", recipient: "")])
        #expect(destinations["on-sync-failed"] == [Destination(service: "slack", recipient: "defaults")])
        #expect(destinations.count == 3)
    }

    @Test func plannerSendsOncePerStateAndResetsWhenTheConditionEnds() throws {
        let subscribe = ["notifications.argoproj.io/subscribe.on-health-degraded.hook": ""]
        let configuration = NotificationsConfiguration(configMap: nil, secret: nil)
        var app = SampleApplications.app(health: "Degraded", annotations: subscribe)
        var plan = NotificationPlanner.plan(application: app, project: nil, configuration: configuration)
        let pending = try #require(plan.pending.first)
        #expect(plan.pending.count == 1)
        #expect(pending.templates == ["app-health-degraded"])
        #expect(pending.stateKey.hasPrefix("on-health-degraded:[0]."))
        #expect(pending.stateKey.hasSuffix(":hook:"))

        // Recorded as sent: nothing more while it stays degraded.
        plan.state.markSent(pending.stateKey, at: 1_700_000_000)
        app.setAnnotation(NotificationState.annotation, plan.state.annotationValue.stringValue)
        #expect(NotificationPlanner.plan(application: app, project: nil, configuration: configuration).pending.isEmpty)

        // Healthy again: the entry is forgotten, so the next degradation is reported.
        var healthy = SampleApplications.app(health: "Healthy", annotations: subscribe)
        healthy.setAnnotation(NotificationState.annotation, app.annotation(NotificationState.annotation))
        let reset = NotificationPlanner.plan(application: healthy, project: nil, configuration: configuration)
        #expect(reset.pending.isEmpty)
        #expect(reset.state.entries.isEmpty)
        #expect(reset.state.annotationValue == .null)
    }

    @Test func oncePerSendsForEachNewValueOnly() throws {
        let subscribe = ["notifications.argoproj.io/subscribe.on-deployed.hook": ""]
        let configuration = NotificationsConfiguration(configMap: nil, secret: nil)
        var app = SampleApplications.app(phase: "Succeeded", health: "Healthy", revision: "aaa", annotations: subscribe)
        var plan = NotificationPlanner.plan(application: app, project: nil, configuration: configuration)
        let first = try #require(plan.pending.first)
        #expect(first.stateKey.hasPrefix("aaa:on-deployed:[0]."))
        plan.state.markSent(first.stateKey, at: 1)
        app.setAnnotation(NotificationState.annotation, plan.state.annotationValue.stringValue)
        // Degraded then healthy again at the same revision: already announced.
        var same = SampleApplications.app(phase: "Succeeded", health: "Healthy", revision: "aaa", annotations: subscribe)
        same.setAnnotation(NotificationState.annotation, app.annotation(NotificationState.annotation))
        #expect(NotificationPlanner.plan(application: same, project: nil, configuration: configuration).pending.isEmpty)
        var next = SampleApplications.app(phase: "Succeeded", health: "Healthy", revision: "bbb", annotations: subscribe)
        next.setAnnotation(NotificationState.annotation, app.annotation(NotificationState.annotation))
        #expect(NotificationPlanner.plan(application: next, project: nil, configuration: configuration).pending.map(\.stateKey).first?.hasPrefix("bbb:") == true)
    }

    @Test func projectAndGlobalSubscriptionsApply() {
        let configMap = SampleApplications.configMap([
            "defaultTriggers": "[on-sync-status-unknown]",
            "subscriptions": """
                - recipients: [slack:payments]
                  selector: team=payments
                - recipients: [slack:all]
                  triggers: [on-health-degraded]
                """,
        ])
        let configuration = NotificationsConfiguration(configMap: configMap, secret: nil)
        var project = KubeObject(apiVersion: "argoproj.io/v1alpha1", kind: "AppProject", name: "default", namespace: "argocd")
        project.setAnnotation("notifications.argoproj.io/subscribe.on-health-degraded.hook", "")
        let app = SampleApplications.app(health: "Degraded", sync: "Unknown", labels: ["team": "payments"])
        let destinations = Set(NotificationPlanner.plan(application: app, project: project, configuration: configuration).pending.map(\.destination.description))
        #expect(destinations == ["hook", "slack:all", "slack:payments"])
        let other = SampleApplications.app(health: "Degraded", sync: "Unknown", labels: ["team": "web"])
        #expect(NotificationPlanner.plan(application: other, project: nil, configuration: configuration).pending.map(\.destination.description) == ["slack:all"])
    }
}
