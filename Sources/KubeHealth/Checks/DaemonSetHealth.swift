import KubeModel

/// `apps/DaemonSet`: kubectl's rollout-status rules (gitops-engine `health_daemonset.go`).
enum DaemonSetHealth {
    static func assess(_ daemonSet: JSONValue) -> HealthStatus {
        guard daemonSet.generation <= daemonSet.observedGeneration else {
            return HealthStatus(
                .progressing,
                message: "Waiting for rollout to finish: observed daemon set generation less then desired generation"
            )
        }
        let desired = daemonSet.int(at: "status", "desiredNumberScheduled")
        let updated = daemonSet.int(at: "status", "updatedNumberScheduled")
        let available = daemonSet.int(at: "status", "numberAvailable")
        if daemonSet.string(at: "spec", "updateStrategy", "type") == "OnDelete" {
            // Pods only change revision when someone deletes them, so there is no rollout to wait for.
            return HealthStatus(.healthy, message: "daemon set \(updated) out of \(desired) new pods have been updated")
        }
        let name = daemonSet.objectName.goQuoted
        if updated < desired {
            return HealthStatus(
                .progressing,
                message: "Waiting for daemon set \(name) rollout to finish: \(updated) out of \(desired) new pods have been updated..."
            )
        }
        if available < desired {
            return HealthStatus(
                .progressing,
                message: "Waiting for daemon set \(name) rollout to finish: \(available) of \(desired) updated pods are available..."
            )
        }
        return HealthStatus(.healthy)
    }
}
