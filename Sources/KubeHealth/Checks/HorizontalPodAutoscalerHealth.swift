import KubeModel

/// `autoscaling/HorizontalPodAutoscaler` (gitops-engine `health_hpa.go`).
///
/// `autoscaling/v1` has no conditions field, so the API server carries v2's conditions in an
/// annotation; the other versions have `status.conditions`.
enum HorizontalPodAutoscalerHealth {
    static let conditionsAnnotation = "autoscaling.alpha.kubernetes.io/conditions"

    private static let waiting = HealthStatus(.progressing, message: "Waiting to Autoscale")

    /// Condition type and reason pairs that mean the autoscaler cannot do its job.
    private static let failures: Set<[String]> = [
        ["AbleToScale", "FailedGetScale"],
        ["AbleToScale", "FailedUpdateScale"],
        ["ScalingActive", "FailedGetResourceMetric"],
        ["ScalingActive", "InvalidSelector"],
    ]

    /// Condition types that are good news when True.
    private static let healthyTypes: Set<String> = ["AbleToScale", "ScalingLimited"]

    static func assess(_ autoscaler: JSONValue) -> HealthStatus {
        guard autoscaler.string(at: "apiVersion") == "autoscaling/v1" else {
            return health(of: StatusCondition.all(in: autoscaler))
        }
        guard let annotation = autoscaler[path: ["metadata", "annotations", conditionsAnnotation]]?.stringValue else {
            return waiting
        }
        let conditions: [StatusCondition]
        do {
            let parsed = try JSONParser.parse(annotation)
            guard parsed.arrayValue != nil || parsed.isNull else {
                return HealthStatus(
                    .unknown,
                    message: "failed to convert conditions annotation to typed: expected an array, found \(parsed.typeName)"
                )
            }
            conditions = StatusCondition.list(parsed)
        } catch {
            return HealthStatus(.unknown, message: "failed to convert conditions annotation to typed: \(error.message)")
        }
        return conditions.isEmpty ? waiting : health(of: conditions)
    }

    /// Degraded on the first failure; Healthy when every condition is good news (so also when there
    /// are none, as upstream); Progressing otherwise.
    private static func health(of conditions: [StatusCondition]) -> HealthStatus {
        var healthyMessages: [String] = []
        for condition in conditions {
            if failures.contains([condition.type, condition.reason]) {
                return HealthStatus(.degraded, message: condition.message)
            }
            if condition.isTrue, healthyTypes.contains(condition.type) {
                healthyMessages.append(condition.message)
            }
        }
        guard healthyMessages.count == conditions.count else { return waiting }
        return HealthStatus(.healthy, message: healthyMessages.joined(separator: ","))
    }
}
