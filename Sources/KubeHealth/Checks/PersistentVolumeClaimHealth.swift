import KubeModel

/// `v1/PersistentVolumeClaim`: by phase (gitops-engine `health_pvc.go`).
enum PersistentVolumeClaimHealth {
    static func assess(_ claim: JSONValue) -> HealthStatus {
        switch claim.string(at: "status", "phase") {
        case "Bound": HealthStatus(.healthy)
        case "Pending": HealthStatus(.progressing)
        case "Lost": HealthStatus(.degraded)
        default: HealthStatus(.unknown)
        }
    }
}
