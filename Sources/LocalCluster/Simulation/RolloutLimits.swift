import KubeModel

/// A Deployment's maxSurge and maxUnavailable resolved against its replicas, rounding as Kubernetes
/// does: surge up, unavailability down, and never both zero (which would allow no progress).
struct RolloutLimits {
    let maxSurge: Int
    let maxUnavailable: Int

    init(_ deployment: JSONValue) {
        let desired = deployment.int("spec", "replicas")
        guard deployment[path: ["spec", "strategy", "type"]]?.stringValue != "Recreate" else {
            maxSurge = 0
            maxUnavailable = 0
            return
        }
        let rolling = deployment[path: ["spec", "strategy", "rollingUpdate"]]
        let surge = IntOrPercent.scaled(rolling?["maxSurge"] ?? "25%", total: desired, roundUp: true)
        let unavailable = IntOrPercent.scaled(rolling?["maxUnavailable"] ?? "25%", total: desired, roundUp: false)
        maxSurge = surge
        maxUnavailable = surge == 0 && unavailable == 0 ? 1 : unavailable
    }

    /// How many of the desired replicas may be unavailable while the Deployment still counts as
    /// Available: none for Recreate or zero replicas, at most all of them otherwise.
    static func availabilityAllowance(_ deployment: JSONValue) -> Int {
        let desired = deployment.int("spec", "replicas")
        guard desired > 0 else { return 0 }
        return min(RolloutLimits(deployment).maxUnavailable, desired)
    }
}
