import Foundation
import KubeModel
import Projects
import Testing

@Suite("Sync windows")
struct SyncWindowTests {
    /// 2026-06-15 (a Monday) at `hour`:`minute` UTC.
    private func time(_ hour: Int, _ minute: Int = 0) -> Date {
        var components = DateComponents(timeZone: TimeZone(identifier: "UTC"), year: 2026, month: 6, day: 15, hour: hour, minute: minute)
        components.calendar = Calendar(identifier: .gregorian)
        return components.date!
    }

    private func window(_ json: JSONValue) -> SyncWindow { SyncWindow(json, index: 0) }

    @Test("a window is active from its schedule for its duration")
    func activity() {
        let nightly = window(["kind": "deny", "schedule": "0 22 * * *", "duration": "1h30m", "applications": ["*"]])
        #expect(nightly.problem == nil)
        #expect(nightly.isActive(at: time(22, 10)))
        #expect(nightly.isActive(at: time(23, 29)))
        #expect(!nightly.isActive(at: time(23, 31)))
        #expect(!nightly.isActive(at: time(21, 59)))
    }

    @Test("time zones move the window")
    func timeZones() {
        let tokyo = window(["kind": "deny", "schedule": "0 9 * * *", "duration": "1h", "applications": ["*"], "timeZone": "Asia/Tokyo"])
        #expect(tokyo.isActive(at: time(0, 30)))
        #expect(!tokyo.isActive(at: time(9, 30)))
    }

    @Test("deny wins; manual syncs pass only when every active deny window allows them")
    func decisions() {
        let deny = window(["kind": "deny", "schedule": "* * * * *", "duration": "1h", "applications": ["*"]])
        let denyManual = window(["kind": "deny", "schedule": "* * * * *", "duration": "1h", "applications": ["*"], "manualSync": true])
        let allow = window(["kind": "allow", "schedule": "* * * * *", "duration": "1h", "applications": ["*"]])
        let closedAllow = window(["kind": "allow", "schedule": "0 3 * * *", "duration": "1h", "applications": ["*"], "manualSync": true])
        let now = time(12)
        #expect(SyncWindowDecision(windows: [deny, allow], at: now) == SyncWindowDecision(windows: [deny], at: now))
        #expect(!SyncWindowDecision(windows: [deny, allow], at: now).allows(manual: false))
        #expect(!SyncWindowDecision(windows: [deny], at: now).allows(manual: true))
        #expect(SyncWindowDecision(windows: [denyManual], at: now).allows(manual: true))
        #expect(!SyncWindowDecision(windows: [denyManual, deny], at: now).allows(manual: true))
        #expect(SyncWindowDecision(windows: [allow], at: now).allows(manual: false))
        #expect(!SyncWindowDecision(windows: [closedAllow], at: now).allows(manual: false))
        #expect(SyncWindowDecision(windows: [closedAllow], at: now).allows(manual: true))
        #expect(SyncWindowDecision(windows: [], at: now).allows(manual: false))
    }

    @Test("windows match by application, namespace or cluster; andOperator needs all")
    func matching() {
        let destination = ProjectDestination(server: "https://prod.example.com", name: "prod", namespace: "web")
        #expect(window(["kind": "deny", "schedule": "* * * * *", "duration": "1h", "applications": ["web-*"]]).matches(application: "web-1", destination: destination))
        #expect(window(["kind": "deny", "schedule": "* * * * *", "duration": "1h", "clusters": ["prod"]]).matches(application: "x", destination: destination))
        #expect(!window(["kind": "deny", "schedule": "* * * * *", "duration": "1h", "namespaces": ["db"]]).matches(application: "x", destination: destination))
        let both = window(["kind": "deny", "schedule": "* * * * *", "duration": "1h", "applications": ["web-*"], "namespaces": ["db"], "andOperator": true])
        #expect(!both.matches(application: "web-1", destination: destination))
    }

    @Test("a bad schedule or duration is reported with its field and never matches")
    func problems() {
        let bad = window(["kind": "deny", "schedule": "every night", "duration": "1h", "applications": ["*"]])
        #expect(bad.problem?.contains("spec.syncWindows[0].schedule") == true)
        #expect(!bad.matches(application: "a", destination: ProjectDestination()))
        #expect(window(["kind": "deny", "schedule": "0 1 * * *", "duration": "soon", "applications": ["*"]]).problem?.contains("duration") == true)
        #expect(window(["kind": "maybe", "schedule": "0 1 * * *", "duration": "1h"]).problem?.contains("kind") == true)
    }
}
