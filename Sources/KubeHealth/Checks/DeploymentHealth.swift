import KubeModel

/// `apps/Deployment`: kubectl's rollout-status rules (gitops-engine `health_deployment.go`).
enum DeploymentHealth {
    static func assess(_ deployment: JSONValue) -> HealthStatus {
        if deployment[path: ["spec", "paused"]]?.boolValue == true {
            return HealthStatus(.suspended, message: "Deployment is paused")
        }
        // Status fields describe an older spec until the controller has observed this generation.
        guard deployment.generation <= deployment.observedGeneration else {
            return HealthStatus(
                .progressing,
                message: "Waiting for rollout to finish: observed deployment generation less then desired generation"
            )
        }
        let updated = deployment.int(at: "status", "updatedReplicas")
        let current = deployment.int(at: "status", "replicas")
        let available = deployment.int(at: "status", "availableReplicas")
        if StatusCondition.first("Progressing", in: deployment)?.reason == "ProgressDeadlineExceeded" {
            return HealthStatus(
                .degraded,
                message: "Deployment \(deployment.objectName.goQuoted) exceeded its progress deadline"
            )
        }
        if let desired = deployment.optionalInt(at: "spec", "replicas"), updated < desired {
            return HealthStatus(
                .progressing,
                message: "Waiting for rollout to finish: \(updated) out of \(desired) new replicas have been updated..."
            )
        }
        if current > updated {
            return HealthStatus(
                .progressing,
                message: "Waiting for rollout to finish: \(current - updated) old replicas are pending termination..."
            )
        }
        if available < updated {
            return HealthStatus(
                .progressing,
                message: "Waiting for rollout to finish: \(available) of \(updated) updated replicas are available..."
            )
        }
        return HealthStatus(.healthy)
    }
}
