import KubeModel

/// `argoproj.io/Workflow`: by `status.phase`, whatever the API version (gitops-engine `health_argo.go`).
enum ArgoWorkflowHealth {
    static func assess(_ workflow: JSONValue) -> HealthStatus {
        let message = workflow.string(at: "status", "message")
        switch workflow.string(at: "status", "phase") {
        case "", "Pending", "Running": return HealthStatus(.progressing, message: message)
        case "Succeeded": return HealthStatus(.healthy, message: message)
        case "Failed", "Error": return HealthStatus(.degraded, message: message)
        default: return HealthStatus(.unknown, message: message)
        }
    }
}
