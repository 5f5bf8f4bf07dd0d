import KubeModel

/// `v1/Service`: only a LoadBalancer service waits for anything, its external address
/// (gitops-engine `health_service.go`).
enum ServiceHealth {
    static func assess(_ service: JSONValue) -> HealthStatus {
        guard service.string(at: "spec", "type") == "LoadBalancer" else { return HealthStatus(.healthy) }
        return LoadBalancerStatus.health(of: service)
    }
}
