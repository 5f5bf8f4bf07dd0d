import KubeModel
import Notifications
import Testing

@Suite struct ConditionExpressionTests {
    private func holds(_ expression: String, _ app: KubeObject) throws -> Bool {
        try ConditionExpression(expression).isTrue(["app": app.content])
    }

    @Test func catalogConditionsMatchTheStatesTheyName() throws {
        let configuration = NotificationsConfiguration(configMap: nil, secret: nil)
        func fires(_ trigger: String, _ app: KubeObject) throws -> Bool {
            let condition = try #require(configuration.triggers[trigger]?.conditions.first)
            return try condition.when.isTrue(["app": app.content])
        }
        let neverSynced = SampleApplications.app(health: "Healthy", sync: "Synced")
        for trigger in ["on-sync-succeeded", "on-sync-failed", "on-sync-running", "on-deployed", "on-health-degraded", "on-sync-status-unknown"] {
            #expect(try !fires(trigger, neverSynced), "\(trigger) fires for an application that never synced")
        }
        #expect(try fires("on-sync-running", SampleApplications.app(phase: "Running")))
        #expect(try fires("on-sync-succeeded", SampleApplications.app(phase: "Succeeded")))
        #expect(try fires("on-sync-failed", SampleApplications.app(phase: "Failed")))
        #expect(try fires("on-sync-failed", SampleApplications.app(phase: "Error")))
        #expect(try !fires("on-sync-failed", SampleApplications.app(phase: "Succeeded")))
        #expect(try fires("on-health-degraded", SampleApplications.app(health: "Degraded")))
        #expect(try fires("on-sync-status-unknown", SampleApplications.app(sync: "Unknown")))
        #expect(try fires("on-deployed", SampleApplications.app(phase: "Succeeded", health: "Healthy")))
        #expect(try !fires("on-deployed", SampleApplications.app(phase: "Succeeded", health: "Progressing")))
        let deployed = try #require(configuration.triggers["on-deployed"]?.conditions.first?.oncePer)
        let value = try deployed.evaluate(["app": SampleApplications.app(phase: "Succeeded", health: "Healthy", revision: "abc123").content])
        #expect(ConditionExpression.keyText(value) == "abc123")
    }

    @Test func operatorsFollowExprSemantics() throws {
        let app = SampleApplications.app(phase: "Succeeded", health: "Healthy", annotations: ["example.com/version": "v2"])
        #expect(try holds("app.status.health.status == 'Healthy' && !(app.status.operationState.phase != \"Succeeded\")", app))
        #expect(try holds("app.status.health.status not in ['Degraded', 'Missing'] or false", app))
        #expect(try holds("not (app.status.health.status in ['Degraded'])", app))
        #expect(try holds("app.metadata.annotations['example.com/version'] == 'v2'", app))
        #expect(try holds("app.metadata.annotations[\"missing\"] == nil", app))
        #expect(try holds("app.metadata.name startsWith 'guest' and app.metadata.name contains 'book'", app))
        #expect(try holds("app.spec.missing?.deeper == nil", app))
        #expect(try holds("1 < 2 and 'a' <= 'b'", app))
    }

    @Test func unsupportedSyntaxNamesTheColumn() {
        func failure(_ text: String) -> ExpressionError? {
            do {
                _ = try ConditionExpression(text)
                return nil
            } catch {
                return error
            }
        }
        #expect(failure("app.status.phase == 'x' and time.Now() > 1")?.column == 29)
        #expect(failure("app.status.health.status ==")?.reason == "unexpected end of expression")
        #expect(failure("app.spec.replicas + 1 > 2")?.reason.contains("arithmetic") == true)
        #expect(failure("application.status == nil")?.reason.contains("unknown name 'application'") == true)
        #expect(failure("app.status.health.status == 'Healthy")?.reason == "unterminated string")
    }

    @Test func typeErrorsAreReportedNotCrashes() throws {
        let expression = try ConditionExpression("app.metadata.name and true")
        #expect(throws: ExpressionError.self) { try expression.isTrue(["app": SampleApplications.app().content]) }
    }
}
