import Foundation
import KubeClient
import KubeModel
import Projects
import RepoServer
import SyncEngine

extension ApplicationController {
    /// Runs the application's requested operation (a sync), recording progress in
    /// `status.operationState` as upstream does, so that a restarted controller resumes it. Setting
    /// the phase to `Terminating` (`argocd app terminate-op`) stops it.
    func operate(_ name: String) async {
        guard !runningOperations.contains(name), let application = await application(name), let operation = application.operation,
            !application.isDeleting, await handles(application)
        else { return }
        runningOperations.insert(name)
        defer { runningOperations.remove(name) }
        let sync = operation["sync"] ?? .emptyObject
        let automated = operation[path: ["initiatedBy", "automated"]]?.boolValue ?? false
        let state = application.operationState
        let phase = state?["phase"]?.stringValue
        let resuming = phase == "Running" || phase == "Terminating"
        let startedAt = resuming ? state?["startedAt"]?.stringValue ?? Self.timestamp() : Self.timestamp()
        let previous = resuming ? (state?[path: ["syncResult", "resources"]]?.arrayValue ?? []).compactMap(ResourceResult.init(json:)) : []
        let retryCount = Int(state?["retryCount"]?.int64Value ?? 0)
        var operationState: JSONValue = ["operation": operation, "phase": "Running", "message": "", "startedAt": .string(startedAt)]
        if retryCount > 0 { operationState["retryCount"] = .int(retryCount) }
        if !previous.isEmpty { operationState["syncResult"] = ["resources": .array(previous.map(\.json))] }
        if phase == "Terminating" {
            // Terminated while no controller ran it: nothing is running any more, so it just ends —
            // if the server agrees (the cached copy may predate the end of a sync this controller
            // just terminated; this rare path can afford a read).
            let current = try? await client.get(Self.applications, namespace: configuration.namespace, name: name)
            guard let current, current["operation"].map({ !$0.isNull }) ?? false,
                current[path: "status", "operationState", "phase"]?.stringValue == "Terminating"
            else { return }
            let run = SyncRun(phase: .failed, message: SyncOutcome.terminatedMessage, results: previous, revisions: [], terminated: true)
            await finish(application, operation: operation, state: operationState, outcome: run, startedAt: startedAt, retryCount: retryCount)
            await refreshQueue.add(name)
            return
        }
        guard await claim(application, operation: operation, state: operationState) else { return }

        let running = operationState
        let task = Task { [weak self] () -> SyncRun? in
            await self?.runSync(application, sync: sync, automated: automated, previous: previous) { [weak self] results in
                var progress = running
                progress["syncResult"] = ["resources": .array(results.map(\.json))]
                await self?.recordProgress(name, progress)
            }
        }
        operationTasks[name] = task
        var outcome = await task.value ?? SyncRun(phase: .error, message: "controller stopped", results: previous, revisions: [])
        operationTasks[name] = nil
        if task.isCancelled {
            outcome.phase = .failed
            outcome.message = SyncOutcome.terminatedMessage
            outcome.terminated = true
        }
        metrics.recordSync(phase: outcome.phase.rawValue)
        await finish(application, operation: operation, state: operationState, outcome: outcome, startedAt: startedAt, retryCount: retryCount)
        await refreshQueue.add(name)
    }

    /// Marks the operation Running, on condition that the server still has it as the cached copy
    /// shows it: a copy that is behind (the operation already finished, or was terminated) must not
    /// run it again. One conditional write instead of a read and a write. When the condition fails
    /// the newer copy is on its way through the watch, and brings the application back here.
    private func claim(_ application: ApplicationView, operation: JSONValue, state: JSONValue) async -> Bool {
        var patch: [JSONValue] = [["op": "test", "path": "/operation", "value": operation]]
        if let phase = application.operationState?["phase"] {
            patch.append(["op": "test", "path": "/status/operationState/phase", "value": phase])
        }
        patch.append(["op": "add", "path": "/status/operationState", "value": state])
        do {
            _ = try await TransientRetry.run { () async throws(KubeError) in
                try await self.patch(application.name, .array(patch), type: .json)
            }
            return true
        } catch {
            // A failed test (422) means the copy was behind; anything else — no `/status` to add to
            // yet, a server that keeps failing — is tried again later.
            if error.category != .invalid { await operationQueue.addRateLimited(application.name) }
            return false
        }
    }

    /// Writes a running sync's progress, unless someone asked to terminate it meanwhile: the write
    /// is conditional on the phase still being `Running`, so that a `Terminating` is never overwritten,
    /// and a refused write stops the sync.
    private func recordProgress(_ name: String, _ progress: JSONValue) async {
        let patch: JSONValue = [
            ["op": "test", "path": "/status/operationState/phase", "value": "Running"],
            ["op": "replace", "path": "/status/operationState", "value": progress],
        ]
        do {
            _ = try await self.patch(name, patch, type: .json)
        } catch {
            let current = try? await client.get(Self.applications, namespace: configuration.namespace, name: name)
            if current?[path: "status", "operationState", "phase"]?.stringValue == "Terminating" { terminate(name) }
        }
    }

    /// Stops the running sync of `name`, if any; it ends `Failed` with upstream's message.
    func terminate(_ name: String) {
        operationTasks[name]?.cancel()
    }

    /// The result of a sync and the revisions it synced to.
    struct SyncRun: Sendable {
        var phase: SyncOutcome.Phase
        var message: String
        var results: [ResourceResult]
        var revisions: [String]
        /// Whether a user stopped it (no retry follows).
        var terminated = false
        /// The comparison status right after the sync, when it is known without a refresh.
        var status: JSONValue?
    }

    private func runSync(
        _ application: ApplicationView, sync: JSONValue, automated: Bool, previous: [ResourceResult],
        progress: @escaping @Sendable ([ResourceResult]) async -> Void
    ) async -> SyncRun {
        let requested = DesiredState.revisions(of: sync) ?? []
        let target: DeploymentTarget
        switch await deploymentTarget(of: application) {
        case .success(let found): target = found
        case .failure(let problem): return SyncRun(phase: .failed, message: problem.message, results: previous, revisions: requested)
        }
        let windows = SyncWindowDecision(windows: target.project.syncWindows(application: application.name, destination: target.destination), at: Date())
        if !windows.allows(manual: !automated) {
            return SyncRun(phase: .failed, message: "Cannot sync: Blocked by sync window", results: previous, revisions: requested)
        }
        let client: KubeClient
        switch await syncClient(for: target) {
        case .success(let found): client = found
        case .failure(let problem): return SyncRun(phase: .failed, message: problem.message, results: previous, revisions: requested)
        }
        let cache = target.connection.cache
        let desired: DesiredState
        do {
            desired = try await DesiredState.load(application, repo: repo, client: target.connection.client, tracking: tracking, sync: sync)
        } catch {
            return SyncRun(phase: .error, message: "ComparisonError: \(error.message)", results: previous, revisions: requested)
        }
        // Like upstream's permission check before the dry run: a refused resource fails the whole
        // sync, and nothing is applied.
        let refused = desired.objects.compactMap { object in
            target.refusal(of: object).map {
                ResourceResult(key: object.key, version: object.groupVersionKind.version, status: .syncFailed, message: $0, syncPhase: .sync)
            }
        }
        if !refused.isEmpty {
            return SyncRun(phase: .failed, message: "one or more synchronization tasks are not valid: \(refused[0].message)", results: refused, revisions: desired.revisions)
        }
        let options = SyncOptions(application.syncOptions + (sync["syncOptions"]?.arrayValue ?? []).compactMap(\.stringValue))
        if options.createNamespace, !application.destinationNamespace.isEmpty, let problem = await createNamespace(application, client: client, cache: cache) {
            return SyncRun(phase: .failed, message: problem, results: previous, revisions: desired.revisions)
        }
        let live = await cache.resources(of: application.name)
        if options.failOnSharedResource {
            let shared = await cache.sharedResources(desired.objects.filter { HookType.of($0.content).isEmpty }.map(\.key), wantedBy: application.name)
            if let (key, owner) = shared.min(by: { $0.key < $1.key }) {
                return SyncRun(
                    phase: .failed, message: "Shared resource found: \(key.kind)/\(key.name) is already managed by application \(owner)", results: previous,
                    revisions: desired.revisions)
            }
        }
        var selection: Set<ResourceKey>?
        if let resources = sync["resources"]?.arrayValue, !resources.isEmpty {
            selection = Set(resources.map { entry in
                ResourceKey(
                    group: entry["group"]?.stringValue ?? "", kind: entry["kind"]?.stringValue ?? "", namespace: entry["namespace"]?.stringValue ?? "",
                    name: entry["name"]?.stringValue ?? "")
            })
        }
        let ignore = await ignoreRules(for: application)
        let comparison = Comparison(desired: desired.objects, live: live, ignore: ignore)
        var targets = desired.objects
        if options.respectIgnoreDifferences {
            // Ignored fields keep their live values: a sync must not undo what does not count.
            targets = targets.map { object in
                guard let current = live[object.key] else { return object }
                let kept = ignore.reduce(object.content) { $1.keepingLiveValues(of: current.content, in: $0) }
                return (try? KubeObject(kept)) ?? object
            }
        }
        let outOfSync = Set(comparison.resources.filter { $0.status != .synced }.map(\.key))
        let plan = SyncPlan(
            desired: targets, live: live, options: options, prune: sync["prune"]?.boolValue ?? false, selection: selection, outOfSync: outOfSync)
        let dryRun = sync["dryRun"]?.boolValue ?? false
        let outcome = await SyncRunner(client: client, cache: cache).run(plan, dryRun: dryRun, previous: previous, progress: progress)
        var run = SyncRun(phase: outcome.phase, message: outcome.message, results: outcome.results, revisions: desired.revisions)
        if outcome.phase == .succeeded && !dryRun && automated {
            // An automated sync deploys what the refresh compares with: the status after it is known
            // from the server's answers and goes out with the outcome, instead of in a write of its own.
            var after = live
            for (key, object) in outcome.written { after[key] = object }
            let compared = Comparison(desired: desired.objects, live: after, ignore: ignore)
            run.status = comparisonStatus(application, desired: desired, comparison: compared, now: Self.timestamp())
        }
        return run
    }

    /// Creates the destination namespace (with `managedNamespaceMetadata`) when it is missing.
    private func createNamespace(_ application: ApplicationView, client: KubeClient, cache: ClusterCache) async -> String? {
        let key = ResourceKey(group: "", kind: "Namespace", namespace: "", name: application.destinationNamespace)
        if await cache.object(key) != nil { return nil }
        var namespace = KubeObject(apiVersion: "v1", kind: "Namespace", name: application.destinationNamespace)
        let metadata = application.object[path: "spec", "syncPolicy", "managedNamespaceMetadata"]
        for (key, value) in metadata?["labels"]?.objectValue ?? [:] { namespace.setLabel(key, value.stringValue) }
        for (key, value) in metadata?["annotations"]?.objectValue ?? [:] { namespace.setAnnotation(key, value.stringValue) }
        do {
            _ = try await client.create(namespace)
            return nil
        } catch where error.category == .alreadyExists {
            return nil
        } catch {
            return "cannot create namespace \(application.destinationNamespace): \(error.message)"
        }
    }

    /// Records the outcome: the final operation state, history on success, and either the operation
    /// cleared or, for a failure with retries left, kept and retried after upstream's backoff.
    private func finish(_ application: ApplicationView, operation: JSONValue, state: JSONValue, outcome: SyncRun, startedAt: String, retryCount: Int) async {
        let now = Self.timestamp()
        var final = state
        final["phase"] = .string(outcome.phase.rawValue)
        final["message"] = .string(outcome.message)
        final["finishedAt"] = .string(now)
        var syncResult: JSONValue = ["resources": .array(outcome.results.map(\.json))]
        if outcome.revisions.count == 1 { syncResult["revision"] = .string(outcome.revisions[0]) } else { syncResult["revisions"] = .array(outcome.revisions.map(JSONValue.string)) }
        // The sources deployed: the operation's own (a rollback's), otherwise the spec's.
        let container = application.sourceHolder(of: operation["sync"] ?? .emptyObject)
        if let source = container["source"], !source.isNull { syncResult["source"] = source }
        if let sources = container["sources"]?.arrayValue, !sources.isEmpty { syncResult["sources"] = .array(sources) }
        final["syncResult"] = syncResult
        var body: JSONValue = ["status": ["operationState": final]]
        for (key, value) in outcome.status?.objectValue ?? [:] { body[path: ["status", key]] = value }
        let retry = operation["retry"] ?? .emptyObject
        let limit = Int(retry["limit"]?.int64Value ?? 0)
        if outcome.phase != .succeeded, !outcome.terminated, limit < 0 || retryCount < limit {
            final["phase"] = "Running"
            final["retryCount"] = .int(retryCount + 1)
            final["message"] = .string("Retrying attempt #\(retryCount + 1) at \(now), last attempt failed: \(outcome.message)")
            final["finishedAt"] = nil
            final["syncResult"] = nil
            body = ["status": ["operationState": final]]
            await write(application.name, body)
            await operationQueue.addAfter(application.name, delay: Self.retryDelay(retry, attempt: retryCount))
            return
        }
        body["operation"] = .null
        if outcome.phase == .succeeded && !(operation[path: ["sync", "dryRun"]]?.boolValue ?? false) {
            var history = application.object[path: "status", "history"]?.arrayValue ?? []
            let id = (history.compactMap { $0["id"]?.int64Value }.max() ?? -1) + 1
            var entry: JSONValue = ["id": .int(Int(id)), "deployedAt": .string(now), "deployStartedAt": .string(startedAt)]
            if outcome.revisions.count == 1 { entry["revision"] = .string(outcome.revisions[0]) } else { entry["revisions"] = .array(outcome.revisions.map(JSONValue.string)) }
            if let source = syncResult["source"] { entry["source"] = source }
            if let sources = syncResult["sources"] { entry["sources"] = sources }
            if let initiatedBy = operation["initiatedBy"] { entry["initiatedBy"] = initiatedBy }
            history.append(entry)
            if history.count > application.revisionHistoryLimit { history.removeFirst(history.count - application.revisionHistoryLimit) }
            body[path: ["status", "history"]] = .array(history)
        }
        if !(await write(application.name, body)) {
            // The outcome could not be recorded: the operation stays requested, and running it again
            // resumes from the progress recorded so far.
            await operationQueue.addRateLimited(application.name)
        }
    }

    /// Upstream's retry backoff: `duration` (5s) × `factor` (2) per attempt, at most `maxDuration` (3m).
    static func retryDelay(_ retry: JSONValue, attempt: Int) -> Duration {
        let base = retry[path: ["backoff", "duration"]]?.stringValue.flatMap(GoDuration.seconds) ?? 5
        let factor = retry[path: ["backoff", "factor"]]?.int64Value.map(Double.init) ?? 2
        let maximum = retry[path: ["backoff", "maxDuration"]]?.stringValue.flatMap(GoDuration.seconds) ?? 180
        return .seconds(min(maximum, base * pow(factor, Double(attempt))))
    }
}
