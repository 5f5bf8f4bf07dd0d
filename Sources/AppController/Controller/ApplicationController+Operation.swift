import Foundation
import KubeClient
import KubeModel
import RepoServer
import SyncEngine

extension ApplicationController {
    /// Runs the application's requested operation (a sync), recording progress in
    /// `status.operationState` as upstream does, so that a restarted controller resumes it.
    func operate(_ name: String) async {
        guard !runningOperations.contains(name), await application(name)?.operation != nil else { return }
        // Read from the server, not the cache: a just-finished operation may still show in the cache,
        // and must not run twice.
        guard let object = try? await client.get(Self.applications, namespace: configuration.namespace, name: name) else { return }
        let application = ApplicationView(object: object)
        guard let operation = application.operation, !application.isDeleting else { return }
        runningOperations.insert(name)
        defer { runningOperations.remove(name) }
        let sync = operation["sync"] ?? .emptyObject
        let state = application.operationState
        let resuming = state?["phase"]?.stringValue == "Running"
        let startedAt = resuming ? state?["startedAt"]?.stringValue ?? Self.timestamp() : Self.timestamp()
        let previous = resuming ? (state?[path: ["syncResult", "resources"]]?.arrayValue ?? []).compactMap(ResourceResult.init(json:)) : []
        let retryCount = Int(state?["retryCount"]?.int64Value ?? 0)
        var operationState: JSONValue = ["operation": operation, "phase": "Running", "message": "", "startedAt": .string(startedAt)]
        if retryCount > 0 { operationState["retryCount"] = .int(retryCount) }
        if !previous.isEmpty { operationState["syncResult"] = ["resources": .array(previous.map(\.json))] }
        _ = try? await patch(name, ["status": ["operationState": operationState]])

        let running = operationState
        let outcome = await runSync(application, sync: sync, previous: previous) { [weak self] results in
            var progress = running
            progress["syncResult"] = ["resources": .array(results.map(\.json))]
            _ = try? await self?.patch(name, ["status": ["operationState": progress]])
        }
        metrics.recordSync(phase: outcome.phase.rawValue)
        await finish(application, operation: operation, state: operationState, outcome: outcome, startedAt: startedAt, retryCount: retryCount)
        await refreshQueue.add(name)
    }

    /// The result of a sync and the revisions it synced to.
    struct SyncRun: Sendable {
        var phase: SyncOutcome.Phase
        var message: String
        var results: [ResourceResult]
        var revisions: [String]
    }

    private func runSync(
        _ application: ApplicationView, sync: JSONValue, previous: [ResourceResult], progress: @escaping @Sendable ([ResourceResult]) async -> Void
    ) async -> SyncRun {
        let requested = sync["revisions"]?.arrayValue?.compactMap(\.stringValue) ?? sync["revision"]?.stringValue.map { [$0] }
        let desired: DesiredState
        do {
            desired = try await DesiredState.load(application, repo: repo, client: client, tracking: tracking, revisions: requested)
        } catch {
            return SyncRun(phase: .error, message: "ComparisonError: \(error.message)", results: previous, revisions: requested ?? [])
        }
        let options = SyncOptions(application.syncOptions + (sync["syncOptions"]?.arrayValue ?? []).compactMap(\.stringValue))
        if options.createNamespace, !application.destinationNamespace.isEmpty, let problem = await createNamespace(application) {
            return SyncRun(phase: .failed, message: problem, results: previous, revisions: desired.revisions)
        }
        let live = await cache.resources(of: application.name)
        var selection: Set<ResourceKey>?
        if let resources = sync["resources"]?.arrayValue, !resources.isEmpty {
            selection = Set(resources.map { entry in
                ResourceKey(
                    group: entry["group"]?.stringValue ?? "", kind: entry["kind"]?.stringValue ?? "", namespace: entry["namespace"]?.stringValue ?? "",
                    name: entry["name"]?.stringValue ?? "")
            })
        }
        let comparison = Comparison(desired: desired.objects, live: live, ignore: application.ignoreDifferences)
        let outOfSync = Set(comparison.resources.filter { $0.status != .synced }.map(\.key))
        let plan = SyncPlan(
            desired: desired.objects, live: live, options: options, prune: sync["prune"]?.boolValue ?? false, selection: selection, outOfSync: outOfSync)
        let outcome = await SyncRunner(client: client, cache: cache).run(plan, dryRun: sync["dryRun"]?.boolValue ?? false, previous: previous, progress: progress)
        return SyncRun(phase: outcome.phase, message: outcome.message, results: outcome.results, revisions: desired.revisions)
    }

    /// Creates the destination namespace (with `managedNamespaceMetadata`) when it is missing.
    private func createNamespace(_ application: ApplicationView) async -> String? {
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
        if let source = application.object[path: "spec", "source"] { syncResult["source"] = source }
        if let sources = application.object[path: "spec", "sources"] { syncResult["sources"] = sources }
        final["syncResult"] = syncResult
        var body: JSONValue = ["status": ["operationState": final]]
        let retry = operation["retry"] ?? .emptyObject
        let limit = Int(retry["limit"]?.int64Value ?? 0)
        if outcome.phase != .succeeded, limit < 0 || retryCount < limit {
            final["phase"] = "Running"
            final["retryCount"] = .int(retryCount + 1)
            final["message"] = .string("Retrying attempt #\(retryCount + 1) at \(now), last attempt failed: \(outcome.message)")
            final["finishedAt"] = nil
            final["syncResult"] = nil
            body = ["status": ["operationState": final]]
            _ = try? await patch(application.name, body)
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
        _ = try? await patch(application.name, body)
    }

    /// Upstream's retry backoff: `duration` (5s) × `factor` (2) per attempt, at most `maxDuration` (3m).
    static func retryDelay(_ retry: JSONValue, attempt: Int) -> Duration {
        let base = parseDuration(retry[path: ["backoff", "duration"]]?.stringValue) ?? 5
        let factor = retry[path: ["backoff", "factor"]]?.int64Value.map(Double.init) ?? 2
        let maximum = parseDuration(retry[path: ["backoff", "maxDuration"]]?.stringValue) ?? 180
        return .seconds(min(maximum, base * pow(factor, Double(attempt))))
    }

    /// Seconds of a Go duration such as `5s`, `2m` or `1h`.
    static func parseDuration(_ text: String?) -> Double? {
        guard let text, let unit = text.last, let value = Double(text.dropLast()) else { return text.flatMap(Double.init) }
        switch unit {
        case "s": return value
        case "m": return value * 60
        case "h": return value * 3600
        default: return nil
        }
    }
}
