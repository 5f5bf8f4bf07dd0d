import KubeModel
import Notifications
import Testing

@Suite struct TemplateRenderingTests {
    @Test func rendersMessageAndServicePartsWithTheApplication() throws {
        let configMap = SampleApplications.configMap([
            "context": "environmentName: staging",
            "template.custom": """
                message: "{{.app.metadata.name}} is {{.app.status.health.status}} in {{.context.environmentName}} ({{.serviceType}})"
                webhook:
                  hook:
                    method: POST
                    path: /apps/{{.app.metadata.name}}
                    body: '{"app": {{toJson .app.metadata.name}}, "repo": "{{call .repo.RepoURLToHTTPS .app.spec.source.repoURL}}", "name": "{{call .repo.FullNameByRepoURL .app.spec.source.repoURL}}"}'
                slack:
                  attachments: '[{"title": "{{.app.metadata.name | upper}}", "text": "{{.recipient}}"}]'
                """,
        ])
        let configuration = NotificationsConfiguration(configMap: configMap, secret: nil)
        #expect(configuration.problems.isEmpty)
        let app = SampleApplications.app(health: "Degraded")
        let webhook = try configuration.render(templates: ["custom"], application: app, serviceType: "webhook", recipient: "")
        #expect(webhook.message == "guestbook is Degraded in staging (webhook)")
        #expect(webhook.webhook["hook"] == WebhookPart(method: "POST", path: "/apps/guestbook",
            body: #"{"app": "guestbook", "repo": "https://github.com/example/guestbook.git", "name": "example/guestbook"}"#))
        let slack = try configuration.render(templates: ["custom"], application: app, serviceType: "slack", recipient: "ops")
        #expect(slack.slack?.attachments == #"[{"title": "GUESTBOOK", "text": "ops"}]"#)
    }

    @Test func catalogTemplatesSayWhatHappened() throws {
        let configuration = NotificationsConfiguration(configMap: nil, secret: nil)
        let app = SampleApplications.app(phase: "Succeeded", health: "Healthy", revision: "abc123")
        let deployed = try configuration.render(templates: ["app-deployed"], application: app, serviceType: "webhook", recipient: "")
        #expect(deployed.message.contains("guestbook"))
        #expect(deployed.message.contains("abc123"))
        #expect(!deployed.message.contains(":white_check_mark:"))
        let slack = try configuration.render(templates: ["app-deployed"], application: app, serviceType: "slack", recipient: "")
        #expect(slack.message.contains(":white_check_mark:"))
    }

    @Test func failingTemplateNamesTemplateAndField() {
        let configMap = SampleApplications.configMap(["template.bad": "message: '{{fail \"no\"}}'"])
        let configuration = NotificationsConfiguration(configMap: configMap, secret: nil)
        #expect {
            _ = try configuration.render(templates: ["bad"], application: SampleApplications.app(), serviceType: "webhook", recipient: "")
        } throws: { error in
            "\(error)".contains("template.bad field `message`")
        }
    }
}
