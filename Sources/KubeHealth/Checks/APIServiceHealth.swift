import KubeModel

/// `apiregistration.k8s.io/APIService`: by its Available condition (gitops-engine
/// `health_apiservice.go`). An unavailable APIService is Progressing, not Degraded, because the
/// aggregated server behind it is usually still starting.
enum APIServiceHealth {
    static func assess(_ apiService: JSONValue) -> HealthStatus {
        guard let available = StatusCondition.first("Available", in: apiService) else {
            return HealthStatus(.progressing, message: "Waiting to be processed")
        }
        let message = "\(available.reason): \(available.message)"
        return HealthStatus(available.isTrue ? .healthy : .progressing, message: message)
    }
}
