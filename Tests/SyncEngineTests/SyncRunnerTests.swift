import ClusterTestSupport
import Foundation
import KubeClient
import KubeHealth
import KubeModel
import SyncEngine
import Testing

/// Syncs run against the embedded cluster: phases, waves, hooks, prune and the dry run.
struct SyncRunnerTests {
    private let tracking = ResourceTracking()

    private func object(_ yaml: String) throws -> KubeObject {
        try tracking.stamp(KubeObject(YAMLReader.read(yaml)), app: "demo")
    }

    private func job(_ name: String, hook: String, fail: Bool = false) throws -> KubeObject {
        try object("""
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: \(name)
              namespace: default
              annotations:
                argocd.argoproj.io/hook: \(hook)
                argocd.argoproj.io/hook-delete-policy: HookSucceeded
            spec:
              backoffLimit: 0
              template:
                metadata:
                  annotations:
                    wharf.io/simulate: "\(fail ? "Fail" : "")"
                spec:
                  restartPolicy: Never
                  containers:
                  - name: task
                    image: busybox
            """)
    }

    private func configMap(_ name: String, wave: Int = 0) throws -> KubeObject {
        try object("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: \(name)
              namespace: default
              annotations:
                argocd.argoproj.io/sync-wave: "\(wave)"
            data:
              key: value
            """)
    }

    private func deployment(wave: Int) throws -> KubeObject {
        try object("""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: default
              annotations:
                argocd.argoproj.io/sync-wave: "\(wave)"
            spec:
              replicas: 2
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                  - name: web
                    image: nginx:1.27
            """)
    }

    /// Runs `body` with a client and a running cache of a fresh cluster.
    private func withCache(_ body: (KubeClient, ClusterCache) async throws -> Void) async throws {
        try await RunningCluster.with { cluster in
            let client = try cluster.client()
            let cache = ClusterCache(client: client, tracking: tracking)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await cache.run() }
                await cache.waitForSync()
                try await body(client, cache)
                group.cancelAll()
            }
        }
    }

    @Test("PreSync hook, then waves in order with each wave healthy first, then PostSync; what left Git is pruned")
    func phasesWavesHooksPrune() async throws {
        try await withCache { client, cache in
            _ = try await client.create(try configMap("left-git"))
            let desired = [try job("migrate", hook: "PreSync"), try deployment(wave: 1), try configMap("settings", wave: -1), try job("smoke", hook: "PostSync")]
            var live: [ResourceKey: KubeObject] = [:]
            for _ in 0..<100 where live.isEmpty {
                live = await cache.resources(of: "demo")
                try await Task.sleep(for: .milliseconds(20))
            }
            let plan = SyncPlan(desired: desired, live: live, options: SyncOptions(), prune: true)
            #expect(plan.tasks.map(\.key.name) == ["migrate", "left-git", "settings", "web", "smoke"] || plan.tasks.map(\.key.name) == ["migrate", "settings", "left-git", "web", "smoke"])
            let outcome = await SyncRunner(client: client, cache: cache).run(plan)
            #expect(outcome.phase == .succeeded, "\(outcome.message)")
            let order = outcome.results.map { "\($0.syncPhase.rawValue):\($0.key.name):\($0.status.rawValue)" }
            #expect(order.first == "PreSync:migrate:Synced")
            #expect(order.last == "PostSync:smoke:Synced")
            #expect(outcome.results.first { $0.key.name == "migrate" }?.hookPhase == .succeeded)
            #expect(outcome.results.first { $0.key.name == "left-git" }?.status == .pruned)
            // The PostSync hook ran only once the Deployment (a wave before it) was healthy.
            let web = await cache.object(ResourceKey(group: "apps", kind: "Deployment", namespace: "default", name: "web"))
            #expect(web.flatMap { HealthAssessor.health(of: $0.content)?.status } == .healthy)
            // HookSucceeded removed the finished hooks.
            for _ in 0..<100 where await cache.object(ResourceKey(group: "batch", kind: "Job", namespace: "default", name: "smoke")) != nil {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(await cache.object(ResourceKey(group: "batch", kind: "Job", namespace: "default", name: "smoke")) == nil)
        }
    }

    @Test("one invalid manifest fails the sync in the dry run, before anything is applied")
    func dryRunFailsFirst() async throws {
        try await withCache { client, cache in
            var broken = try deployment(wave: 0)
            // A misspelt field: strict field validation refuses it, as kubectl apply does.
            broken[path: "spec", "replicaz"] = 3
            let plan = SyncPlan(desired: [try configMap("settings"), broken], live: [:], options: SyncOptions(), prune: true)
            let outcome = await SyncRunner(client: client, cache: cache).run(plan)
            #expect(outcome.phase == .failed)
            #expect(outcome.message.contains("dry run") && outcome.message.contains("Deployment default/web"), "\(outcome.message)")
            await #expect(throws: KubeError.self) { _ = try await client.get(try configMap("settings")) }
        }
    }

    @Test("a failed PreSync hook stops the sync and runs the SyncFail hook; nothing of the Sync phase is applied")
    func failedHook() async throws {
        try await withCache { client, cache in
            let plan = SyncPlan(
                desired: [try job("migrate", hook: "PreSync", fail: true), try configMap("settings"), try job("cleanup", hook: "SyncFail")],
                live: [:], options: SyncOptions(), prune: true)
            let outcome = await SyncRunner(client: client, cache: cache).run(plan)
            #expect(outcome.phase == .failed)
            #expect(outcome.message.contains("PreSync hook Job migrate failed"), "\(outcome.message)")
            #expect(outcome.results.first { $0.key.name == "cleanup" }?.hookPhase == .succeeded)
            await #expect(throws: KubeError.self) { _ = try await client.get(try configMap("settings")) }
        }
    }
}
