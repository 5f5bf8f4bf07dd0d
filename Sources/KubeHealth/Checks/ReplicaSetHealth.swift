import KubeModel

/// `apps/ReplicaSet` (gitops-engine `health_replicaset.go`).
enum ReplicaSetHealth {
    static func assess(_ replicaSet: JSONValue) -> HealthStatus {
        guard replicaSet.generation <= replicaSet.observedGeneration else {
            return HealthStatus(
                .progressing,
                message: "Waiting for rollout to finish: observed replica set generation less then desired generation"
            )
        }
        // ReplicaFailure is how the controller reports pods it could not create (quota, admission).
        if let failure = StatusCondition.first("ReplicaFailure", in: replicaSet), failure.isTrue {
            return HealthStatus(.degraded, message: failure.message)
        }
        let available = replicaSet.int(at: "status", "availableReplicas")
        if let desired = replicaSet.optionalInt(at: "spec", "replicas"), available < desired {
            return HealthStatus(
                .progressing,
                message: "Waiting for rollout to finish: \(available) out of \(desired) new replicas are available..."
            )
        }
        return HealthStatus(.healthy)
    }
}
