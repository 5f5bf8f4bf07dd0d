import KubeModel

/// `batch/CronJob` (Argo CD's built-in `resource_customizations/batch/CronJob/health.lua`).
///
/// A CronJob's status cannot tell a failed last run from one still running, so upstream only says
/// Degraded when nothing is running and the last success is older than the last schedule, and says
/// Healthy, with a warning message, whenever it cannot know. A suspended CronJob is Healthy, not
/// Suspended, because a Suspended resource would mark its whole application Suspended
/// (argoproj/argo-cd#24428).
enum CronJobHealth {
    static func assess(_ cronJob: JSONValue) -> HealthStatus {
        if cronJob[path: ["spec", "suspend"]]?.boolValue == true {
            return HealthStatus(.healthy, message: "CronJob is Suspended")
        }
        guard let status = cronJob["status"], !status.isNull else {
            return HealthStatus(.progressing, message: "Waiting for CronJob")
        }
        guard let lastSchedule = status["lastScheduleTime"]?.stringValue else {
            // A missed schedule leaves no trace in the status, so never having run is not a fault.
            return HealthStatus(.healthy, message: "CronJob has not been scheduled yet")
        }
        guard let lastSuccess = status["lastSuccessfulTime"]?.stringValue else {
            return HealthStatus(.healthy, message: "The CronJob never completed successfully. It may not be healthy")
        }
        if status.count(at: "active") > 0 {
            return HealthStatus(.healthy, message: "The job is running. Its last execution may not have been successful")
        }
        // RFC 3339 UTC times order as strings, which is how upstream compares them.
        if lastSuccess < lastSchedule {
            return HealthStatus(.degraded, message: "CronJob has not completed its last execution successfully")
        }
        return HealthStatus(.healthy, message: "CronJob has completed its last execution successfully")
    }
}
