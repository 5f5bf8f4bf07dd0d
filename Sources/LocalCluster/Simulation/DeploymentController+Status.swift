import Foundation
import KubeModel

/// The Deployment status: replica counts summed over its ReplicaSets and the Available and Progressing
/// conditions, with Kubernetes' rules for when each condition and its timestamps change.
extension DeploymentController {
    /// A computed status and, while a progress deadline is running, when to check it again.
    struct ComputedStatus {
        var value: JSONValue
        var recheckAfter: Duration?
    }

    func computeStatus(_ deployment: JSONValue, newSet: JSONValue?, all: [JSONValue], paused: Bool, now: Date) -> ComputedStatus {
        let desired = deployment.int("spec", "replicas")
        func sum(_ field: String, _ sets: [JSONValue]) -> Int { sets.reduce(0) { $0 + $1.int("status", field) } }
        let available = sum("availableReplicas", all)
        let specReplicas = all.reduce(0) { $0 + $1.int("spec", "replicas") }
        var status = JSONValue.emptyObject
        status["observedGeneration"] = .number(JSONNumber(deployment.generation))
        status.setCount(["replicas"], sum("replicas", all))
        status.setCount(["updatedReplicas"], newSet.map { sum("replicas", [$0]) } ?? 0)
        status.setCount(["readyReplicas"], sum("readyReplicas", all))
        status.setCount(["availableReplicas"], available)
        status.setCount(["unavailableReplicas"], max(0, specReplicas - available))
        status.setCount(["collisionCount"], deployment.int("status", "collisionCount"))
        var withConditions = deployment
        withConditions["status"] = status
        withConditions[path: ["status", "conditions"]] = deployment[path: ["status", "conditions"]]
        if available >= desired - RolloutLimits.availabilityAllowance(deployment) {
            setCondition(&withConditions, "Available", status: "True", reason: "MinimumReplicasAvailable", message: "Deployment has minimum availability.", now: now)
        } else {
            setCondition(&withConditions, "Available", status: "False", reason: "MinimumReplicasUnavailable", message: "Deployment does not have minimum availability.", now: now)
        }
        var recheckAfter: Duration?
        if paused {
            if withConditions.condition("Progressing")?["reason"]?.stringValue != "DeploymentPaused" {
                setProgressing(&withConditions, status: "Unknown", reason: "DeploymentPaused", message: "Deployment is paused", now: now)
            }
        } else {
            if withConditions.condition("Progressing")?["reason"]?.stringValue == "DeploymentPaused" {
                setProgressing(&withConditions, status: "Unknown", reason: "DeploymentResumed", message: "Deployment is resumed", now: now)
            }
            recheckAfter = updateProgress(&withConditions, previous: deployment, newSet: newSet, now: now)
        }
        return ComputedStatus(value: withConditions["status"] ?? .emptyObject, recheckAfter: recheckAfter)
    }

    /// The Progressing condition after this pass: complete, progressing (which restarts the deadline),
    /// or past its deadline. Returns when the deadline would pass if nothing else happens.
    private func updateProgress(_ deployment: inout JSONValue, previous: JSONValue, newSet: JSONValue?, now: Date) -> Duration? {
        guard let deadline = deployment[path: ["spec", "progressDeadlineSeconds"]]?.int64Value, deadline != Int64(Int32.max) else { return nil }
        let status = deployment["status"] ?? .emptyObject
        let current = deployment.condition("Progressing")
        let setName = newSet?.name ?? ""
        if status.int("replicas") == status.int("updatedReplicas"), current?["reason"]?.stringValue == "NewReplicaSetAvailable" {
            return nil
        }
        if Self.isComplete(deployment, status: status) {
            setProgressing(&deployment, status: "True", reason: "NewReplicaSetAvailable", message: "ReplicaSet \"\(setName)\" has successfully progressed.", now: now)
            return nil
        }
        if Self.madeProgress(from: previous["status"] ?? .emptyObject, to: status) {
            // Progress restarts the deadline: lastUpdateTime moves, lastTransitionTime stays while True.
            let message = newSet == nil ? "Deployment \"\(deployment.name)\" is progressing." : "ReplicaSet \"\(setName)\" is progressing."
            let transition = current?["status"]?.stringValue == "True" ? current?["lastTransitionTime"] : nil
            setProgressing(&deployment, status: "True", reason: "ReplicaSetUpdated", message: message, now: now, force: true, transition: transition)
        }
        guard let progressing = deployment.condition("Progressing"), progressing["reason"]?.stringValue != "NewReplicaSetAvailable" else { return nil }
        if progressing["reason"]?.stringValue == "ProgressDeadlineExceeded" { return nil }
        let since = progressing["lastUpdateTime"]?.stringValue.flatMap(Timestamps.parse) ?? now
        let remaining = since.addingTimeInterval(TimeInterval(deadline)).timeIntervalSince(now)
        if remaining < 0 {
            setProgressing(&deployment, status: "False", reason: "ProgressDeadlineExceeded", message: "ReplicaSet \"\(setName)\" has timed out progressing.", now: now)
            return nil
        }
        // Timestamps have whole seconds, so look again just after the deadline has surely passed.
        return (remaining + 1).duration
    }

    /// Whether every desired replica is updated and available and the latest generation observed.
    static func isComplete(_ deployment: JSONValue, status: JSONValue) -> Bool {
        let desired = deployment.int("spec", "replicas")
        return status.int("updatedReplicas") == desired && status.int("replicas") == desired && status.int("availableReplicas") == desired
            && status.int("observedGeneration") >= Int(deployment.generation)
    }

    /// Whether the rollout moved since the last status: more updated, ready or available pods, or fewer old ones.
    private static func madeProgress(from old: JSONValue, to new: JSONValue) -> Bool {
        let oldOld = old.int("replicas") - old.int("updatedReplicas")
        let newOld = new.int("replicas") - new.int("updatedReplicas")
        return new.int("updatedReplicas") > old.int("updatedReplicas") || newOld < oldOld
            || new.int("readyReplicas") > old.int("readyReplicas") || new.int("availableReplicas") > old.int("availableReplicas")
    }

    func setProgressing(
        _ deployment: inout JSONValue, status: String, reason: String, message: String, now: Date, force: Bool = false, transition: JSONValue? = nil
    ) {
        setCondition(&deployment, "Progressing", status: status, reason: reason, message: message, now: now, force: force, transition: transition)
    }

    /// Sets a Deployment condition as Kubernetes does: unchanged when status and reason are the same
    /// (unless forced), keeping lastTransitionTime while the status stays the same.
    private func setCondition(
        _ deployment: inout JSONValue, _ type: String, status: String, reason: String, message: String, now: Date, force: Bool = false,
        transition: JSONValue? = nil
    ) {
        var conditions = deployment[path: ["status", "conditions"]]?.arrayValue ?? []
        let index = conditions.firstIndex { $0["type"]?.stringValue == type }
        let current = index.map { conditions[$0] }
        if !force, let current, current["status"]?.stringValue == status, current["reason"]?.stringValue == reason { return }
        let stamp = JSONValue.string(Timestamps.format(now))
        let keptTransition = current?["status"]?.stringValue == status ? current?["lastTransitionTime"] : nil
        let condition: JSONValue = [
            "type": .string(type), "status": .string(status), "lastUpdateTime": stamp,
            "lastTransitionTime": transition ?? keptTransition ?? stamp, "reason": .string(reason), "message": .string(message),
        ]
        if let index { conditions.remove(at: index) }
        conditions.append(condition)
        deployment[path: ["status", "conditions"]] = .array(conditions)
    }
}
