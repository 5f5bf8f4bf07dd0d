import KubeModel

/// `batch/Job`: by its terminal conditions (gitops-engine `health_job.go`).
enum JobHealth {
    static func assess(_ job: JSONValue) -> HealthStatus {
        var failed = false
        var failMessage = ""
        var finished = false
        var message = ""
        var suspended = false
        // As upstream, a Failed or Complete condition counts whatever its status: the job
        // controller only ever adds them as True.
        for condition in StatusCondition.all(in: job) {
            switch condition.type {
            case "Failed":
                failed = true
                finished = true
                failMessage = condition.message
            case "Complete":
                finished = true
                message = condition.message
            case "Suspended":
                finished = true
                message = condition.message
                suspended = suspended || condition.isTrue
            default:
                break
            }
        }
        if !finished { return HealthStatus(.progressing, message: message) }
        if failed { return HealthStatus(.degraded, message: failMessage) }
        if suspended { return HealthStatus(.suspended, message: message) }
        return HealthStatus(.healthy, message: message)
    }
}
