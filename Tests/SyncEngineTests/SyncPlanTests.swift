import KubeModel
import SyncEngine
import Testing

/// The order of a sync's tasks, decided before anything runs.
struct SyncPlanTests {
    private func configMap(_ name: String, wave: Int) -> KubeObject {
        var object = KubeObject(apiVersion: "v1", kind: "ConfigMap", name: name, namespace: "shop")
        object.setAnnotation("argocd.argoproj.io/sync-wave", String(wave))
        return object
    }

    @Test("resources that left Git are pruned in the reverse order of their waves, PruneLast ones after everything")
    func pruneOrder() {
        let live = [configMap("first", wave: -1), configMap("second", wave: 2), configMap("third", wave: 5)]
        var last = configMap("last", wave: 0)
        last.setAnnotation("argocd.argoproj.io/sync-options", "PruneLast=true")
        let kept = configMap("kept", wave: 1)
        var byKey: [ResourceKey: KubeObject] = [:]
        for object in live + [last, kept] { byKey[object.key] = object }
        let plan = SyncPlan(desired: [kept], live: byKey, options: SyncOptions([]), prune: true)
        let order = plan.tasks.map(\.key.name)
        #expect(order == ["third", "kept", "second", "first", "last"], "\(order)")
        #expect(plan.tasks.filter(\.isPrune).map(\.key.name) == ["third", "second", "first", "last"])
    }

    @Test("live hooks are never pruned, even when their manifest left Git")
    func hooksAreNotPruned() {
        var hook = KubeObject(apiVersion: "batch/v1", kind: "Job", name: "migrate", namespace: "shop")
        hook.setAnnotation("argocd.argoproj.io/hook", "PreSync")
        let plan = SyncPlan(desired: [], live: [hook.key: hook], options: SyncOptions([]), prune: true)
        #expect(plan.tasks.isEmpty)
        #expect(plan.skipped.isEmpty)
    }
}
