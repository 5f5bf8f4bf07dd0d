import KubeModel

/// Any custom resource that follows the Kubernetes API conventions for `status.conditions`: a
/// `Ready` condition, or failing that an `Available` one, decides its health.
///
/// Upstream has no such check (custom resources without a Lua script have no health); Wharf adds it
/// because most operators follow the convention, and keeps upstream's "no opinion" when neither
/// condition is present.
enum ConditionsHealth {
    static let decidingTypes = ["Ready", "Available"]

    static func assess(_ object: JSONValue) -> HealthStatus? {
        let conditions = StatusCondition.all(in: object)
        let deciding = decidingTypes.lazy.compactMap { type in conditions.first { $0.type == type } }.first
        guard let condition = deciding else { return nil }
        // A condition written for an older spec says nothing about the current one.
        if let observed = object.optionalInt(at: "status", "observedGeneration"), observed < object.generation {
            return HealthStatus(
                .progressing,
                message: "Waiting for the controller to observe generation \(object.generation) (observed \(observed))"
            )
        }
        let message = condition.message.isEmpty ? condition.reason : condition.message
        switch condition.status {
        case "True": return HealthStatus(.healthy, message: message)
        case "False": return HealthStatus(.degraded, message: message)
        default: return HealthStatus(.progressing, message: message)
        }
    }
}
