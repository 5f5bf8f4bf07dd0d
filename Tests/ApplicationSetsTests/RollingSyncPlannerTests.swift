@testable import ApplicationSets
import KubeModel
import Testing

/// The RollingSync decisions, without a cluster.
@Suite struct RollingSyncPlannerTests {
    private func step(_ env: String, _ maxUpdate: RollingSyncStep.MaxUpdate? = nil) throws -> RollingSyncStep {
        RollingSyncStep(selector: LabelSelector(requirements: [LabelRequirement(key: "env", operator: .in, values: [env])]), maxUpdate: maxUpdate)
    }

    private func app(_ name: String, _ env: String, sync: String = "OutOfSync", health: String = "Healthy", operation: Bool = false) -> RollingSyncPlanner.Application {
        RollingSyncPlanner.Application(name: name, labels: ["env": env], syncStatus: sync, healthStatus: health, hasOperation: operation, operationPhase: nil)
    }

    @Test func percentMaxUpdateRoundsDownButAllowsAtLeastOne() throws {
        let planner = RollingSyncPlanner(steps: [try step("prod", .percent(10))], now: "t")
        let apps = (1...5).map { app("prod-\($0)", "prod") }
        let plan = planner.plan(apps, previous: [:])
        #expect(plan.sync == ["prod-1"])
        #expect(plan.currentStep == 1)
        #expect(try step("x", .percent(50)).limit(of: 5) == 2)
        #expect(try step("x", .count(0)).limit(of: 5) == 0)
    }

    @Test func laterStepsWaitAndUnselectedApplicationsAreLeftOut() throws {
        let planner = RollingSyncPlanner(steps: [try step("dev"), try step("prod")], now: "t")
        let plan = planner.plan([app("dev-1", "dev"), app("prod-1", "prod"), app("other", "qa")], previous: [:])
        #expect(plan.sync == ["dev-1"])
        #expect(plan.entries.map(\.application) == ["dev-1", "prod-1"])
        #expect(plan.entries.map(\.status) == [.pending, .waiting])
        #expect(plan.entries.map(\.step) == ["1", "2"])
    }

    @Test func anApplicationWithNewChangesWaitsAgain() throws {
        let planner = RollingSyncPlanner(steps: [try step("dev", .count(0))], now: "t")
        let previous = ["dev-1": RollingSyncEntry(application: "dev-1", status: .healthy, message: "", step: "1", lastTransitionTime: "old")]
        let plan = planner.plan([app("dev-1", "dev", sync: "OutOfSync")], previous: previous)
        #expect(plan.entries.first?.status == .waiting)
        #expect(plan.sync.isEmpty, "maxUpdate 0 syncs nothing")
        #expect(!plan.complete)
    }
}
