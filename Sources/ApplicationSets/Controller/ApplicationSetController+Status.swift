import Foundation
import KubeClient
import KubeModel

extension ApplicationSetController {
    /// Writes `status.conditions`, `status.resources` and (under RollingSync) `status.applicationStatus`
    /// when they differ from what is there. The CRD has no status subresource, as upstream's, so the
    /// status is patched on the main resource.
    func writeStatus(_ view: ApplicationSetView, conditions: [ApplicationSetCondition], applications: [KubeObject], rollout: RollingSyncPlanner.Plan?) async {
        let now = Self.timestamp()
        let previous = view.object[path: "status", "conditions"]?.arrayValue ?? []
        var allConditions = conditions
        if let rollout {
            allConditions.append(
                rollout.complete
                    ? ApplicationSetCondition(
                        type: ApplicationSetReason.rolloutProgressingType, status: false, reason: ApplicationSetReason.rolloutComplete,
                        message: "ApplicationSet Rollout has completed")
                    : ApplicationSetCondition(
                        type: ApplicationSetReason.rolloutProgressingType, status: true, reason: ApplicationSetReason.modified,
                        message: "ApplicationSet is performing rollout of step \(rollout.currentStep ?? 0)"))
        }
        var status: JSONObject = [
            "conditions": .array(allConditions.map { $0.json(previous: previous, now: now) }),
            "resources": .array(applications.map(Self.resourceStatus)),
        ]
        status["applicationStatus"] = rollout.map { .array($0.entries.map(\.json)) } ?? .null
        var desired = view.object[path: "status"] ?? .emptyObject
        for (key, value) in status { desired[key] = value.isNull ? JSONValue?.none : value }
        guard desired != (view.object[path: "status"] ?? .emptyObject) else { return }
        do throws(KubeError) {
            ownStatusWrites[view.name] = try await client.patch(
                Self.applicationSets, namespace: configuration.namespace, name: view.name, type: .merge, ["status": .object(status)])
        } catch {
            // The next reconcile writes it again; a status that lags never changes an Application.
            await queue.addRateLimited(view.name)
        }
    }

    /// An Application's entry in `status.resources`, with its health and sync status.
    static func resourceStatus(_ application: KubeObject) -> JSONValue {
        var health: JSONObject = ["status": .string(application[path: "status", "health", "status"]?.stringValue ?? "Unknown")]
        if let message = application[path: "status", "health", "message"]?.stringValue { health["message"] = .string(message) }
        return [
            "group": "argoproj.io", "version": "v1alpha1", "kind": "Application", "name": .string(application.name),
            "namespace": .string(application.namespace ?? ""),
            "status": .string(application[path: "status", "sync", "status"]?.stringValue ?? "Unknown"), "health": .object(health),
        ]
    }

    /// Works out the RollingSync state and starts the syncs it calls for, as `argocd app sync` would:
    /// by setting `operation` on the Application.
    func rollingSync(_ view: ApplicationSetView, steps: [RollingSyncStep], applications: [KubeObject]) async -> RollingSyncPlanner.Plan {
        let planner = RollingSyncPlanner(steps: steps, now: Self.timestamp())
        let inputs = applications.map { application in
            RollingSyncPlanner.Application(
                name: application.name, labels: application.labels, syncStatus: application[path: "status", "sync", "status"]?.stringValue ?? "",
                healthStatus: application[path: "status", "health", "status"]?.stringValue ?? "",
                hasOperation: application["operation"].map { !$0.isNull } ?? false,
                operationPhase: application[path: "status", "operationState", "phase"]?.stringValue)
        }
        var plan = planner.plan(inputs, previous: view.applicationStatus)
        for name in plan.sync {
            let application = applications.first { $0.name == name }
            let operation: JSONValue = [
                "initiatedBy": ["username": "applicationset-controller", "automated": true],
                "info": [["name": "Reason", "value": "ApplicationSet RollingSync triggered a sync of this Application resource."]],
                "sync": [
                    "syncOptions": application?[path: "spec", "syncPolicy", "syncOptions"] ?? .array([]),
                    "prune": .bool(application?[path: "spec", "syncPolicy", "automated", "prune"]?.boolValue ?? false),
                ],
            ]
            do throws(KubeError) {
                _ = try await client.patch(Self.applications, namespace: configuration.namespace, name: name, type: .merge, ["operation": operation])
            } catch {
                // Not started: stays Waiting, and the next reconcile tries again.
                if let index = plan.entries.firstIndex(where: { $0.application == name }) {
                    plan.entries[index].status = .waiting
                    plan.entries[index].message = "Application could not be synced: \(error)"
                }
                await queue.addRateLimited(view.name)
            }
        }
        return plan
    }

    static func timestamp() -> String {
        Date.now.formatted(.iso8601)
    }
}
