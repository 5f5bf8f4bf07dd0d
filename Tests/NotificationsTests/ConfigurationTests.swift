import Foundation
import KubeModel
import Notifications
import Testing

@Suite struct ConfigurationTests {
    private func secret(_ data: [String: String]) throws -> KubeObject {
        var members: JSONObject = [:]
        for (key, value) in data { members[key] = .string(Data(value.utf8).base64EncodedString()) }
        var content = KubeObject(apiVersion: "v1", kind: "Secret", name: "argocd-notifications-secret", namespace: "argocd").content
        content["data"] = .object(members)
        return try KubeObject(content)
    }

    @Test func readsServicesWithSecretReferences() throws {
        let configMap = SampleApplications.configMap([
            "service.webhook.github": """
                url: https://api.github.com
                headers:
                - name: Authorization
                  value: token $github-token
                basicAuth:
                  username: bot
                  password: $missing-key
                """,
            "service.slack": "token: $slack_token\nusername: argocd",
            "service.email.gmail": "host: smtp.gmail.com",
        ])
        let configuration = NotificationsConfiguration(configMap: configMap, secret: try secret(["github-token": "s3cret", "slack_token": "xoxb-1"]))
        guard case .webhook(let github) = configuration.services["github"] else { Issue.record("no webhook service"); return }
        #expect(github.url == "https://api.github.com")
        #expect(github.headers == [WebhookOptions.Header(name: "Authorization", value: "token s3cret")])
        #expect(github.basicAuth?.password == "$missing-key")
        guard case .slack(let slack) = configuration.services["slack"] else { Issue.record("no slack service"); return }
        #expect(slack.token == "xoxb-1")
        let problems = configuration.problems.map(\.description)
        #expect(problems.contains { $0.contains("service.webhook.github") && $0.contains("$missing-key") })
        #expect(problems.contains { $0.contains("service.email.gmail") && $0.contains("not supported") })
        #expect(!problems.joined().contains("s3cret"))
    }

    @Test func builtInCatalogIsAvailableAndOverridable() throws {
        let configMap = SampleApplications.configMap([
            "trigger.on-sync-succeeded": "- when: app.status.operationState.phase == 'Succeeded'\n  send: [mine]",
            "template.mine": "message: hello",
            "defaultTriggers": "[on-sync-succeeded, on-deployed]",
            "context": "region: east\nenvironmentName: staging",
            "subscriptions": """
                - recipients: [slack:ops, hook]
                  selector: team=payments
                """,
        ])
        let configuration = NotificationsConfiguration(configMap: configMap, secret: nil)
        #expect(configuration.problems.isEmpty)
        #expect(configuration.triggers["on-sync-succeeded"]?.conditions.first?.send == ["mine"])
        #expect(configuration.triggers["on-health-degraded"]?.conditions.first?.send == ["app-health-degraded"])
        #expect(configuration.templates["app-deployed"] != nil)
        #expect(configuration.defaultTriggers == ["on-sync-succeeded", "on-deployed"])
        #expect(configuration.context == ["region": "east", "environmentName": "staging"])
        #expect(configuration.subscriptions.first?.recipients == [Destination(service: "slack", recipient: "ops"), Destination(service: "hook", recipient: "")])
    }

    @Test func malformedTriggerIsSkippedWithItsNameAndColumn() throws {
        let configMap = SampleApplications.configMap([
            "trigger.broken": "- when: app.status.health.status == 'Degraded' and time.Now() > 0\n  send: [app-health-degraded]",
            "trigger.fine": "- when: app.status.health.status == 'Degraded'\n  send: [app-health-degraded]",
        ])
        let configuration = NotificationsConfiguration(configMap: configMap, secret: nil)
        #expect(configuration.triggers["broken"] == nil)
        #expect(configuration.triggers["fine"] != nil)
        let problem = try #require(configuration.problems.first).description
        #expect(problem.contains("trigger.broken"))
        #expect(problem.contains("column 44: calling 'time.Now()' is not supported"))
    }

    @Test func conditionKeysMatchUpstream() throws {
        // Upstream keys a condition as `[index].` + base64url(sha1(when)) without padding.
        let trigger = try Trigger(name: "t", yaml: "- when: app.status.sync.status == 'Unknown'\n  send: [x]")
        #expect(trigger.conditions.first?.key == "[0].6SzWb05EK-0v90hwjyytTbN7S6A")
    }
}
