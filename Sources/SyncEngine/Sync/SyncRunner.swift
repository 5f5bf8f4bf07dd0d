import Foundation
public import KubeClient
import KubeHealth
public import KubeModel

/// Carries out a ``SyncPlan`` against a cluster the way upstream's sync context does: a dry run of
/// every resource first (so that one bad manifest fails the sync before anything is applied), then
/// phase by phase and wave by wave — each wave applied at once, hooks run to completion, and the
/// wave's resources healthy before the next starts — then `SyncFail` hooks if anything failed.
///
/// Resumable: results recorded by an earlier, interrupted run of the same operation are passed in
/// and the tasks they finished are not repeated.
public struct SyncRunner: Sendable {
    private let client: KubeClient
    private let cache: ClusterCache
    /// The field manager of applies (upstream's controller name).
    public var fieldManager = "argocd-controller"
    /// How long to wait at most for a wave to become healthy or a hook to finish.
    public var waitTimeout: Duration = .seconds(600)

    /// A runner applying through `client` and watching progress in `cache`.
    public init(client: KubeClient, cache: ClusterCache) {
        self.client = client
        self.cache = cache
    }

    /// Runs the plan; `progress` receives the results so far after every step that changed them, for
    /// the operation state.
    public func run(
        _ plan: SyncPlan, dryRun: Bool = false, previous: [ResourceResult] = [], progress report: @Sendable ([ResourceResult]) async -> Void = { _ in }
    ) async -> SyncOutcome {
        // Each report is a write of the Application: the same results are not reported twice.
        var reported = previous
        func progress(_ current: [ResourceResult]) async {
            guard current != reported else { return }
            reported = current
            await report(current)
        }
        var results = Results(previous)
        var written: [ResourceKey: KubeObject?] = [:]
        for skipped in plan.skipped {
            results.record(ResourceResult(key: skipped.key, version: "", status: .pruneSkipped, message: skipped.reason, syncPhase: .sync))
        }
        let work = plan.tasks.filter { $0.phase != .syncFail && !results.isDone($0) }
        // The dry run keeps one bad resource from leaving the others half applied; a sync of a single
        // resource (the common case of a small change) cannot be half applied, and skips it.
        let checked = dryRun || work.count > 1 ? work.filter { !$0.isHook && !$0.isPrune } : []
        if let failure = await dryRunAll(checked, results: &results) {
            return SyncOutcome(phase: .failed, message: "one or more objects failed to apply (dry run): \(failure)", results: results.all)
        }
        if dryRun {
            for task in work where !task.isHook { results.record(result(task, task.isPrune ? .pruned : .synced, "\(task.isPrune ? "pruned" : "configured") (dry run)")) }
            return SyncOutcome(phase: .succeeded, message: "successfully synced (dry run)", results: results.all)
        }
        let groups = Dictionary(grouping: work) { GroupKey(phase: $0.phase, wave: $0.wave) }.sorted { $0.key < $1.key }
        var failure: String?
        for (index, group) in groups.enumerated() {
            if Task.isCancelled {
                failure = "operation terminated"
                break
            }
            // A hook an interrupted run started and that still exists is waited for, never started twice.
            var toRun: [SyncTask] = []
            for task in group.value {
                if let recorded = results.result(for: task), recorded.hookPhase == .running, await cache.object(recorded.key) != nil { continue }
                toRun.append(task)
            }
            let applied = await execute(toRun, results: &results, written: &written)
            let isLast = index == groups.count - 1
            // After the last wave the outcome is written at once: a progress report would only precede it.
            if !isLast || applied != nil || group.value.contains(where: \.isHook) { await progress(results.all) }
            if let problem = applied {
                failure = problem
                break
            }
            if let problem = await waitUntilComplete(applied: group.value, checkHealth: !isLast, results: &results) {
                await progress(results.all)
                failure = problem
                break
            }
            if !isLast { await progress(results.all) }
        }
        if Task.isCancelled {
            await terminateRunningHooks(results: &results)
            await progress(results.all)
            return SyncOutcome(phase: .failed, message: SyncOutcome.terminatedMessage, results: results.all)
        }
        if let failure {
            let failHooks = plan.tasks.filter { $0.phase == .syncFail }
            if !failHooks.isEmpty {
                _ = await execute(failHooks, results: &results, written: &written)
                _ = await waitUntilComplete(applied: failHooks, checkHealth: false, results: &results)
                await progress(results.all)
            }
            return SyncOutcome(phase: .failed, message: failure, results: results.all)
        }
        return SyncOutcome(phase: .succeeded, message: "successfully synced (all tasks run)", results: results.all, written: written)
    }

    // MARK: - Steps

    private struct GroupKey: Hashable, Comparable {
        var phase: SyncPhase
        var wave: Int
        static func < (lhs: GroupKey, rhs: GroupKey) -> Bool { (lhs.phase, lhs.wave) < (rhs.phase, rhs.wave) }
    }

    /// Dry-runs every task; each one that fails is recorded `SyncFailed` with the server's reason (so
    /// that all bad resources are listed, not only the first), and the first failure is returned.
    private func dryRunAll(_ tasks: [SyncTask], results: inout Results) async -> String? {
        var first: String?
        for task in tasks {
            do {
                _ = try await apply(task, dryRun: true)
            } catch {
                if error.category == .notFound && task.options.skipDryRunOnMissingResource { continue }
                results.record(result(task, .syncFailed, error.message))
                first = first ?? "\(task.key.kind) \(task.key.namespace.isEmpty ? "" : task.key.namespace + "/")\(task.key.name): \(error.message)"
            }
        }
        return first
    }

    /// Applies, creates (hooks) or prunes every task of one wave at once; the first failure, if any.
    private func execute(_ tasks: [SyncTask], results: inout Results, written: inout [ResourceKey: KubeObject?]) async -> String? {
        let outcomes = await withTaskGroup(of: (SyncTask, ResourceResult, KubeObject??).self) { group in
            for task in tasks {
                group.addTask {
                    let (result, object) = await self.perform(task)
                    return (task, result, object)
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        var failure: String?
        for (_, result, object) in outcomes.sorted(by: { $0.0.runsBefore($1.0) }) {
            if let object { written[result.key] = object }
            results.record(result)
            if result.status == .syncFailed && failure == nil { failure = "\(result.key.kind) \(result.key.name): \(result.message)" }
        }
        return failure
    }

    /// Carries out one task: its result, and the object as the server left it (nil inside when it
    /// was deleted; no value for hooks and failures, whose state the watch reports).
    private func perform(_ task: SyncTask) async -> (ResourceResult, KubeObject??) {
        do {
            if task.isPrune {
                let policy: DeleteOptions.Propagation = switch task.options.prunePropagationPolicy {
                case "background": .background
                case "orphan": .orphan
                default: .foreground
                }
                _ = try await TransientRetry.run { () async throws(KubeError) in try await client.delete(task.object, options: DeleteOptions(propagationPolicy: policy)) }
                return (result(task, .pruned, "pruned"), .some(nil))
            }
            if task.isHook {
                var hook = task.target!
                if HookDeletePolicy.of(hook).contains(.beforeHookCreation), task.live != nil {
                    _ = try? await client.delete(hook, options: DeleteOptions(propagationPolicy: .background))
                    await waitUntilGone(hook.key)
                }
                hook.setAnnotation(WellKnownAnnotations.lastAppliedConfiguration, nil)
                let created = try await client.create(hook)
                var result = result(task, .synced, "\(created.kind.lowercased())/\(created.name) created")
                result.key = created.key
                result.hookPhase = .running
                return (result, nil)
            }
            let applied = try await apply(task, dryRun: false)
            return (result(task, .synced, "\(applied.kind.lowercased())/\(applied.name) \(task.live == nil ? "created" : "configured")"), .some(applied))
        } catch {
            return (result(task, .syncFailed, error.message), nil)
        }
    }

    private func apply(_ task: SyncTask, dryRun: Bool) async throws(KubeError) -> KubeObject {
        // Applies state a result, so a flaky server slows the sync down instead of failing it.
        try await TransientRetry.run { () async throws(KubeError) in try await applyOnce(task, dryRun: dryRun) }
    }

    private func applyOnce(_ task: SyncTask, dryRun: Bool) async throws(KubeError) -> KubeObject {
        let target = task.target!
        let options = WriteOptions(dryRun: dryRun, fieldManager: fieldManager, fieldValidation: task.options.validate ? "Strict" : "Ignore")
        do {
            if task.options.serverSideApply {
                return try await client.apply(target, fieldManager: fieldManager, force: true, live: .some(task.live), options: options).object
            }
            if task.options.replace, let live = task.live {
                var replacement = target
                replacement[path: "metadata", "resourceVersion"] = live[path: "metadata", "resourceVersion"]
                return try await client.update(replacement, options: options)
            }
            return try await client.clientSideApply(target, live: .some(task.live), options: options).object
        } catch where task.options.force && !dryRun && task.live != nil && (error.category == .invalid || error.category == .conflict) {
            // Force: what cannot be updated in place is deleted and created again.
            _ = try await client.delete(target, options: DeleteOptions(propagationPolicy: .foreground))
            await waitUntilGone(target.key)
            return try await client.clientSideApply(target, options: options).object
        }
    }

    /// Waits until the wave's hooks finished and, when later waves follow, its resources are healthy;
    /// the problem that stops the sync, if any.
    private func waitUntilComplete(applied tasks: [SyncTask], checkHealth: Bool, results: inout Results) async -> String? {
        let deadline = ContinuousClock.now + waitTimeout
        while true {
            let version = await cache.version
            var pending = false
            for task in tasks where !task.isPrune {
                guard let recorded = results.result(for: task) else { continue }
                if task.isHook {
                    guard recorded.hookPhase == .running else { continue }
                    guard let live = await cache.object(recorded.key) else {
                        pending = true
                        continue
                    }
                    switch Self.hookPhase(of: live) {
                    case .running:
                        pending = true
                    case let phase:
                        var finished = recorded
                        finished.hookPhase = phase
                        finished.message = phase == .succeeded ? "\(live.kind.lowercased())/\(live.name) succeeded" : Self.failureMessage(of: live)
                        if phase == .failed { finished.status = .syncFailed }
                        results.record(finished)
                        await applyDeletePolicy(live, succeeded: phase == .succeeded)
                        if phase == .failed { return "\(task.phase.rawValue) hook \(live.kind) \(live.name) failed: \(finished.message)" }
                    }
                } else if checkHealth, let live = await cache.object(task.key), let health = HealthAssessor.health(of: live.content) {
                    switch health.status {
                    case .healthy, .suspended: break
                    case .degraded: return "\(task.key.kind) \(task.key.name) is Degraded: \(health.message)"
                    default: pending = true
                    }
                } else if checkHealth, await cache.object(task.key) == nil {
                    pending = true
                }
            }
            if !pending { return nil }
            if Task.isCancelled { return "operation terminated" }
            if ContinuousClock.now >= deadline { return "timed out after \(waitTimeout) waiting for wave resources to become healthy and hooks to finish" }
            await cache.waitForChange(after: version, timeout: .seconds(5))
        }
    }

    /// A terminated sync deletes the hooks still running and records them failed, as upstream does.
    private func terminateRunningHooks(results: inout Results) async {
        let running = results.all.filter { $0.hookPhase == .running }
        var hooks: [KubeObject] = []
        for result in running {
            if let live = await cache.object(result.key) { hooks.append(live) }
        }
        // The deletes must not inherit the cancellation that terminated the sync.
        await Task { [client] in
            for hook in hooks { _ = try? await client.delete(hook, options: DeleteOptions(propagationPolicy: .background)) }
        }.value
        for result in running {
            var terminated = result
            terminated.hookPhase = .failed
            terminated.message = "Terminated"
            results.record(terminated)
        }
    }

    /// Waits (at most a minute) until a deleted object is gone; a create that follows too early fails
    /// with "already exists", which is reported.
    private func waitUntilGone(_ key: ResourceKey) async {
        let deadline = ContinuousClock.now + .seconds(60)
        while await cache.object(key) != nil {
            if ContinuousClock.now >= deadline { return }
            let version = await cache.version
            await cache.waitForChange(after: version, timeout: .seconds(2))
        }
    }

    private func applyDeletePolicy(_ hook: KubeObject, succeeded: Bool) async {
        let policies = HookDeletePolicy.of(hook)
        if (succeeded && policies.contains(.hookSucceeded)) || (!succeeded && policies.contains(.hookFailed)) {
            _ = try? await client.delete(hook, options: DeleteOptions(propagationPolicy: .background))
        }
    }

    /// A hook's progress: Jobs by their conditions, Pods by their phase; other kinds are done once created.
    static func hookPhase(of object: KubeObject) -> ResourceResult.HookPhase {
        switch object.kind {
        case "Job":
            let conditions = object[path: "status", "conditions"]?.arrayValue ?? []
            if conditions.contains(where: { $0["type"]?.stringValue == "Complete" && $0["status"]?.stringValue == "True" }) { return .succeeded }
            if conditions.contains(where: { $0["type"]?.stringValue == "Failed" && $0["status"]?.stringValue == "True" }) { return .failed }
            return .running
        case "Pod":
            switch object[path: "status", "phase"]?.stringValue {
            case "Succeeded": return .succeeded
            case "Failed": return .failed
            default: return .running
            }
        default:
            return .succeeded
        }
    }

    private static func failureMessage(of object: KubeObject) -> String {
        let conditions = object[path: "status", "conditions"]?.arrayValue ?? []
        return conditions.first { $0["type"]?.stringValue == "Failed" }?["message"]?.stringValue
            ?? object[path: "status", "message"]?.stringValue ?? "\(object.kind.lowercased())/\(object.name) failed"
    }

    private func result(_ task: SyncTask, _ status: ResourceResult.Status, _ message: String) -> ResourceResult {
        ResourceResult(
            key: task.key, version: task.object.groupVersionKind.version, status: status, message: message,
            hookType: task.isHook ? HookType(rawValue: task.phase.rawValue) : nil, syncPhase: task.phase)
    }

    /// Results by resource and phase, in the order they were first recorded.
    private struct Results {
        private var order: [String] = []
        private var byID: [String: ResourceResult] = [:]

        init(_ previous: [ResourceResult]) {
            for result in previous { record(result) }
        }

        var all: [ResourceResult] { order.compactMap { byID[$0] } }

        mutating func record(_ result: ResourceResult) {
            let id = Self.id(result.key, result.syncPhase)
            if byID[id] == nil { order.append(id) }
            byID[id] = result
        }

        func result(for task: SyncTask) -> ResourceResult? {
            byID[Self.id(task.key, task.phase)] ?? byID.values.first { $0.syncPhase == task.phase && $0.hookType != nil && task.isHook && $0.key.kind == task.key.kind && task.key.name.isEmpty }
        }

        /// Whether an earlier run of this operation finished the task.
        func isDone(_ task: SyncTask) -> Bool {
            guard let result = byID[Self.id(task.key, task.phase)] else { return false }
            switch result.status {
            case .synced: return result.hookPhase == nil || result.hookPhase == .succeeded
            case .pruned: return true
            default: return false
            }
        }

        private static func id(_ key: ResourceKey, _ phase: SyncPhase) -> String { "\(phase.rawValue)|\(key)" }
    }
}
