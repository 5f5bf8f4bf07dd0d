import Foundation
import KubeClient
import KubeHealth
import KubeModel
import Projects
import RepoServer
import SyncEngine

extension ApplicationController {
    /// Renders, compares and writes the status of one application; starts an automated sync when
    /// its policy asks for one.
    func refresh(_ name: String) async {
        guard let application = await application(name), await handles(application) else { return }
        let started = ContinuousClock.now
        defer {
            let elapsed = (ContinuousClock.now - started).components
            metrics.recordReconcile(seconds: Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18)
        }
        if application.isDeleting {
            await finalize(application)
            return
        }
        var status = JSONValue.emptyObject
        var conditions: [JSONValue] = []
        let now = Self.timestamp()
        let target: DeploymentTarget
        switch await deploymentTarget(of: application) {
        case .success(let found):
            target = found
        case .failure(let problem):
            conditions.append(Self.condition("InvalidSpecError", problem.message, now))
            status["sync"] = ["status": "Unknown"]
            status["conditions"] = .array(conditions)
            await writeStatus(application, status)
            await scheduleNextRefresh(name)
            return
        }
        let hard = application.refreshRequest == "hard"
        if application.refreshRequest != nil, let sources = try? application.sources() {
            // A requested refresh looks at the remote again instead of trusting resolved revisions.
            for source in sources { await repo.forgetRevisions(of: source.repoURL) }
        }
        let desired: DesiredState
        do {
            desired = try await DesiredState.load(application, repo: repo, client: target.connection.client, tracking: tracking, hardRefresh: hard)
        } catch {
            conditions.append(Self.condition("ComparisonError", "Failed to load target state: \(error.message)", now))
            status["sync"] = ["status": "Unknown", "comparedTo": comparedTo(application)]
            status["conditions"] = .array(conditions)
            status["reconciledAt"] = .string(now)
            await writeStatus(application, status)
            await scheduleNextRefresh(name)
            return
        }
        let cache = target.connection.cache
        let live = await cache.resources(of: name)
        let comparison = Comparison(desired: desired.objects, live: live, ignore: await ignoreRules(for: application))
        for problem in application.ignoreDifferences.flatMap(\.problems) {
            conditions.append(Self.condition("InvalidSpecError", "spec.\(problem); fix or remove it (the fields it names are compared)", now))
        }
        for (key, value) in comparisonStatus(application, desired: desired, comparison: comparison, now: now).objectValue ?? [:] { status[key] = value }
        let shared = await cache.sharedResources(desired.objects.filter { HookType.of($0.content).isEmpty }.map(\.key), wantedBy: name)
        for (key, owner) in shared.sorted(by: { $0.key < $1.key }) {
            conditions.append(Self.condition("SharedResourceWarning", "\(key.kind)/\(key.name) is part of applications \(configuration.namespace)/\(name) and \(owner)", now))
        }
        for object in desired.objects {
            guard let refusal = target.refusal(of: object) else { continue }
            conditions.append(Self.condition("InvalidSpecError", "\(object.kind)/\(object.name): \(refusal); a sync will refuse it", now))
        }
        if let orphans = await orphanedResources(target), orphans > 0 {
            conditions.append(Self.condition("OrphanedResourceWarning", "Application has \(orphans) orphaned resources", now))
        }
        let pruning = comparison.resources.filter(\.requiresPruning)
        if !pruning.isEmpty && !application.autoPrune && application.automated != nil {
            conditions.append(Self.condition("OrphanedResourceWarning", "\(pruning.count) resource(s) require pruning; enable automated prune or sync with prune", now))
        }
        status["conditions"] = conditions.isEmpty ? nil : .array(conditions)
        // An automated sync is requested in the same write as the status that calls for it.
        let windows = SyncWindowDecision(windows: target.project.syncWindows(application: name, destination: target.destination), at: Date())
        let operation = windows.automatedAllowed ? await automatedSync(application, comparison: comparison, desired: desired) : nil
        await writeStatus(application, status, clearRefresh: application.refreshRequest != nil, operation: operation)
        await scheduleNextRefresh(name)
    }

    /// The status members a comparison decides: `sync`, `health`, `resources`, the source type(s)
    /// and the reconciliation times.
    func comparisonStatus(_ application: ApplicationView, desired: DesiredState, comparison: Comparison, now: String) -> JSONValue {
        var status = JSONValue.emptyObject
        var sync: JSONValue = ["status": .string(comparison.syncStatus.rawValue), "comparedTo": comparedTo(application)]
        if desired.revisions.count == 1 { sync["revision"] = .string(desired.revisions[0]) } else { sync["revisions"] = .array(desired.revisions.map(JSONValue.string)) }
        status["sync"] = sync
        status["health"] = comparison.health.message.isEmpty
            ? ["status": .string(comparison.health.status.rawValue)]
            : ["status": .string(comparison.health.status.rawValue), "message": .string(comparison.health.message)]
        status["resources"] = .array(comparison.resources.map(\.json))
        status["reconciledAt"] = .string(now)
        status["observedAt"] = .string(now)
        if desired.sourceTypes.count == 1 { status["sourceType"] = .string(desired.sourceTypes[0].rawValue) } else { status["sourceTypes"] = .array(desired.sourceTypes.map { .string($0.rawValue) }) }
        return status
    }

    /// How many resources in the destination namespace no application tracks, when the project asks
    /// for a warning about them (`orphanedResources.warn`); left out are those the project ignores and
    /// those every namespace has (its default ServiceAccount, the root CA ConfigMap, events, endpoints).
    private func orphanedResources(_ target: DeploymentTarget) async -> Int? {
        guard let policy = target.project.orphanedResources, policy.warn, !target.namespace.isEmpty else { return nil }
        let everyNamespaceHas: Set<String> = ["ServiceAccount/default", "ConfigMap/kube-root-ca.crt"]
        let skippedKinds: Set<String> = ["Event", "Endpoints", "EndpointSlice", "Lease"]
        return await target.connection.cache.untrackedObjects(namespace: target.namespace).filter { object in
            !skippedKinds.contains(object.kind) && !everyNamespaceHas.contains("\(object.kind)/\(object.name)")
                && !policy.ignores(group: object.groupVersionKind.group, kind: object.kind, name: object.name)
        }.count
    }

    func comparedTo(_ application: ApplicationView) -> JSONValue {
        var compared: JSONValue = ["destination": application.object[path: "spec", "destination"] ?? .emptyObject]
        if let source = application.object[path: "spec", "source"] { compared["source"] = source }
        if let sources = application.object[path: "spec", "sources"] { compared["sources"] = sources }
        return compared
    }

    /// The status members a refresh owns; the operation state and history belong to operations,
    /// and a refresh working from a cached copy must never write them back.
    static let refreshOwnedStatus = ["sync", "health", "resources", "conditions", "reconciledAt", "observedAt", "sourceType", "sourceTypes"]

    /// Writes the refresh-owned part of `status` when it differs from what is stored (timestamps
    /// aside), so that a quiet application costs no writes.
    private func writeStatus(_ application: ApplicationView, _ status: JSONValue, clearRefresh: Bool = false, operation: JSONValue? = nil) async {
        var old = JSONValue.emptyObject
        for key in Self.refreshOwnedStatus { old[key] = application.object[path: "status", key] }
        var comparableOld = old, comparableNew = status
        for key in ["reconciledAt", "observedAt"] {
            comparableOld[key] = nil
            comparableNew[key] = nil
        }
        if comparableOld == comparableNew && !clearRefresh && operation == nil { return }
        // A merge patch keeps members it does not mention: name the ones that went away as null.
        var body: JSONValue = ["status": Self.replacing(old: old, with: status)]
        if clearRefresh { body[path: ["metadata", "annotations", "argocd.argoproj.io/refresh"]] = .null }
        if let operation { body["operation"] = operation }
        // Written on condition that the Application is still the version this refresh read: a
        // refresh that raced with a sync's outcome must not put back what it saw before (the status
        // change would not bring it back here). A conflict means: look again, shortly.
        body[path: ["metadata", "resourceVersion"]] = application.object.resourceVersion.map(JSONValue.string)
        do {
            _ = try await TransientRetry.run(attempts: 7) { () async throws(KubeError) in try await patch(application.name, body) }
            await refreshQueue.forget(application.name)
        } catch where error.category == .conflict {
            // The watch is about to deliver the newer version; a status-only change does not
            // queue a refresh by itself, so come back once it has.
            await refreshQueue.addAfter(application.name, delay: .milliseconds(200))
        } catch {
            await refreshQueue.addRateLimited(application.name)
        }
    }

    /// The automated sync to request, if one is due: once per revision, or again for drift when
    /// self-heal is on (with upstream's backoff between attempts); never to zero resources unless
    /// `allowEmpty`.
    private func automatedSync(_ application: ApplicationView, comparison: Comparison, desired: DesiredState) async -> JSONValue? {
        guard application.automated != nil, comparison.syncStatus == .outOfSync, application.operation == nil,
            !runningOperations.contains(application.name)
        else { return nil }
        if desired.objects.isEmpty && !application.allowEmpty { return nil }
        let revision = desired.revisions.joined(separator: ",")
        let lastSynced = application.operationState?[path: ["syncResult", "revision"]]?.stringValue
            ?? application.operationState?[path: ["syncResult", "revisions"]]?.arrayValue?.compactMap(\.stringValue).joined(separator: ",")
        if lastSynced == revision {
            // Same revision: only self-heal syncs again, and not more often than its backoff allows.
            guard application.selfHeal else { return nil }
            let previous = autoSyncs[application.name]
            if let previous, previous.revision == revision {
                let backoff = Duration.seconds(min(300, 5 * (1 << min(previous.attempts, 6))))
                if ContinuousClock.now - previous.at < backoff {
                    await refreshQueue.addAfter(application.name, delay: backoff - (ContinuousClock.now - previous.at))
                    return nil
                }
            }
        }
        let attempts = autoSyncs[application.name].map { $0.revision == revision ? $0.attempts + 1 : 0 } ?? 0
        autoSyncs[application.name] = (revision, attempts, ContinuousClock.now)
        var sync: JSONValue = ["prune": .bool(application.autoPrune), "syncOptions": .array(application.syncOptions.map(JSONValue.string))]
        if desired.revisions.count == 1 { sync["revision"] = .string(desired.revisions[0]) } else { sync["revisions"] = .array(desired.revisions.map(JSONValue.string)) }
        return ["sync": sync, "initiatedBy": ["automated": true], "retry": application.object[path: "spec", "syncPolicy", "retry"] ?? .emptyObject]
    }

    /// A merge patch that turns `old` into `new`: `new`, plus null for every object member that `new`
    /// no longer has (arrays are replaced whole by merge patches anyway).
    static func replacing(old: JSONValue, with new: JSONValue) -> JSONValue {
        guard let oldMembers = old.objectValue, var newMembers = new.objectValue else { return new }
        for (key, value) in oldMembers {
            if let replacement = newMembers[key] {
                newMembers[key] = replacing(old: value, with: replacement)
            } else {
                newMembers[key] = .null
            }
        }
        return .object(newMembers)
    }

    static func condition(_ type: String, _ message: String, _ time: String) -> JSONValue {
        ["type": .string(type), "message": .string(message), "lastTransitionTime": .string(time)]
    }

    /// Now, as Kubernetes writes times (RFC 3339, UTC, whole seconds). The format style is Swift's
    /// own: a `DateFormatter` would set up ICU on every call, which showed in profiles at scale.
    static func timestamp() -> String {
        Date().formatted(.iso8601)
    }
}
