import KubeModel

/// `status.loadBalancer.ingress`, which Services of type LoadBalancer and Ingresses share.
enum LoadBalancerStatus {
    /// Healthy when at least one address has been published, Progressing until then.
    static func health(of object: JSONValue) -> HealthStatus {
        object.count(at: "status", "loadBalancer", "ingress") > 0 ? HealthStatus(.healthy) : HealthStatus(.progressing)
    }
}
