import KubeModel

/// `apps/StatefulSet`: kubectl's rollout-status rules (gitops-engine `health_statefulset.go`).
enum StatefulSetHealth {
    static func assess(_ statefulSet: JSONValue) -> HealthStatus {
        let observed = statefulSet.observedGeneration
        // An observed generation of 0 means the controller has not reported on this object at all.
        if observed == 0 || statefulSet.generation > observed {
            return HealthStatus(.progressing, message: "Waiting for statefulset spec update to be observed...")
        }
        let desired = statefulSet.optionalInt(at: "spec", "replicas")
        let ready = statefulSet.int(at: "status", "readyReplicas")
        let updated = statefulSet.int(at: "status", "updatedReplicas")
        if let desired, ready < desired {
            return HealthStatus(.progressing, message: "Waiting for \(desired - ready) pods to be ready...")
        }
        let strategy = statefulSet.string(at: "spec", "updateStrategy", "type")
        if strategy == "RollingUpdate", statefulSet[path: ["spec", "updateStrategy", "rollingUpdate"]] != nil {
            if let desired, let partition = statefulSet.optionalInt(at: "spec", "updateStrategy", "rollingUpdate", "partition") {
                // Pods below the partition ordinal keep the old revision on purpose.
                let expected = desired - partition
                if updated < expected {
                    return HealthStatus(
                        .progressing,
                        message: "Waiting for partitioned roll out to finish: \(updated) out of \(expected) new pods have been updated..."
                    )
                }
            }
            return HealthStatus(.healthy, message: "partitioned roll out complete: \(updated) new pods have been updated...")
        }
        if strategy == "OnDelete" {
            // Pods only change revision when someone deletes them, so there is no rollout to wait for.
            return HealthStatus(.healthy, message: "statefulset has \(ready) ready pods (\(updated) updated)")
        }
        let updateRevision = statefulSet.string(at: "status", "updateRevision")
        let currentRevision = statefulSet.string(at: "status", "currentRevision")
        if updateRevision != currentRevision {
            return HealthStatus(
                .progressing,
                message: "waiting for statefulset rolling update to complete \(updated) pods at revision \(updateRevision)..."
            )
        }
        let current = statefulSet.int(at: "status", "currentReplicas")
        return HealthStatus(
            .healthy,
            message: "statefulset rolling update complete \(current) pods at revision \(currentRevision)..."
        )
    }
}
