import KubeModel

/// `networking.k8s.io/Ingress` and `extensions/Ingress`: healthy once the ingress controller has
/// published an address (gitops-engine `health_ingress.go`).
enum IngressHealth {
    static func assess(_ ingress: JSONValue) -> HealthStatus {
        LoadBalancerStatus.health(of: ingress)
    }
}
