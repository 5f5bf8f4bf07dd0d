import Foundation
import KubeModel
@testable import LocalCluster
import Testing

/// The rules the simulation computes with, checked directly.
struct SchedulingRulesTests {
    @Test func cronSchedulesFindTheNextMinute() throws {
        let start = try #require(ISO8601DateFormatter().date(from: "2026-03-14T10:17:30Z"))
        func next(_ schedule: String) -> String? {
            CronSchedule(schedule)?.next(after: start).map { ISO8601DateFormatter().string(from: $0) }
        }
        #expect(next("* * * * *") == "2026-03-14T10:18:00Z")
        #expect(next("*/15 * * * *") == "2026-03-14T10:30:00Z")
        #expect(next("@hourly") == "2026-03-14T11:00:00Z")
        #expect(next("@daily") == "2026-03-15T00:00:00Z")
        #expect(next("30 9 * * mon-fri") == "2026-03-16T09:30:00Z")
        #expect(next("0 0 1 jan *") == "2027-01-01T00:00:00Z")
        #expect(next("0 12 13 * 5") == "2026-03-20T12:00:00Z")
        #expect(CronSchedule("61 * * * *") == nil)
        #expect(CronSchedule("* * *") == nil)
        #expect(CronSchedule("0 * * * *", timeZone: "Not/AZone") == nil)
    }

    @Test func rollingUpdateLimitsRoundAsKubernetes() {
        func limits(replicas: Int, surge: JSONValue, unavailable: JSONValue) -> (Int, Int) {
            let deployment: JSONValue = [
                "spec": ["replicas": .int(replicas), "strategy": ["type": "RollingUpdate", "rollingUpdate": ["maxSurge": surge, "maxUnavailable": unavailable]]],
            ]
            let resolved = RolloutLimits(deployment)
            return (resolved.maxSurge, resolved.maxUnavailable)
        }
        #expect(limits(replicas: 10, surge: "25%", unavailable: "25%") == (3, 2))
        #expect(limits(replicas: 3, surge: "25%", unavailable: "25%") == (1, 0))
        #expect(limits(replicas: 1, surge: 0, unavailable: 0) == (0, 1))
        #expect(limits(replicas: 4, surge: 2, unavailable: "50%") == (2, 2))
    }

    @Test func podTemplateHashIgnoresMemberOrderNullsAndItsOwnLabel() {
        let template: JSONValue = ["metadata": ["labels": ["app": "web"]], "spec": ["containers": [["name": "web", "image": "nginx:1.25"]]]]
        let reordered: JSONValue = [
            "spec": ["containers": [["image": "nginx:1.25", "name": "web"]]],
            "metadata": ["creationTimestamp": .null, "labels": ["pod-template-hash": "abc", "app": "web"]],
        ]
        #expect(PodTemplateHash.of(template) == PodTemplateHash.of(reordered))
        #expect(PodTemplateHash.of(template) != PodTemplateHash.of(template, collisionCount: 1))
        let changed: JSONValue = ["metadata": ["labels": ["app": "web"]], "spec": ["containers": [["name": "web", "image": "nginx:1.26"]]]]
        #expect(PodTemplateHash.of(template) != PodTemplateHash.of(changed))
        #expect(PodTemplateHash.of(template).allSatisfy { "bcdfghjklmnpqrstvwxz2456789".contains($0) })
    }
}
