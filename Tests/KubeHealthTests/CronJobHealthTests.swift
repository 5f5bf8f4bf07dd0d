import KubeHealth
import Testing

struct CronJobHealthTests {
    private func cronJob(suspend: Bool = false, status: String?) -> String {
        """
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: nightly-backup
          namespace: ops
        spec:
          schedule: "0 2 * * *"
          suspend: \(suspend)
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  containers:
                  - name: backup
                    image: restic/restic:0.16.4
        \(status.map { "status:\n\($0)" } ?? "")
        """
    }

    @Test("a CronJob whose last run succeeded is Healthy")
    func lastRunSucceeded() throws {
        let yaml = cronJob(status: """
          lastScheduleTime: "2024-05-01T02:00:00Z"
          lastSuccessfulTime: "2024-05-01T02:03:12Z"
        """)
        #expect(try health(yaml) == HealthStatus(.healthy, message: "CronJob has completed its last execution successfully"))
    }

    @Test("a CronJob whose last run failed is Degraded")
    func lastRunFailed() throws {
        let yaml = cronJob(status: """
          lastScheduleTime: "2024-05-02T02:00:00Z"
          lastSuccessfulTime: "2024-05-01T02:03:12Z"
        """)
        #expect(try health(yaml) == HealthStatus(.degraded, message: "CronJob has not completed its last execution successfully"))
    }

    @Test("a CronJob with a running job is Healthy with a warning, since the last outcome is unknown")
    func running() throws {
        let yaml = cronJob(status: """
          active:
          - {apiVersion: batch/v1, kind: Job, name: nightly-backup-28573320, namespace: ops}
          lastScheduleTime: "2024-05-02T02:00:00Z"
          lastSuccessfulTime: "2024-05-01T02:03:12Z"
        """)
        #expect(try health(yaml) == HealthStatus(
            .healthy, message: "The job is running. Its last execution may not have been successful"
        ))
    }

    @Test("a CronJob that has run but never succeeded is Healthy with a warning")
    func neverSucceeded() throws {
        let yaml = cronJob(status: "  lastScheduleTime: \"2024-05-01T02:00:00Z\"")
        #expect(try health(yaml) == HealthStatus(
            .healthy, message: "The CronJob never completed successfully. It may not be healthy"
        ))
    }

    @Test("a CronJob that has never been scheduled is Healthy")
    func neverScheduled() throws {
        #expect(try health(cronJob(status: "  {}")) == HealthStatus(.healthy, message: "CronJob has not been scheduled yet"))
    }

    @Test("a CronJob without status is waiting for its controller")
    func noStatus() throws {
        #expect(try health(cronJob(status: nil)) == HealthStatus(.progressing, message: "Waiting for CronJob"))
    }

    @Test("a suspended CronJob is Healthy, so that it does not suspend its application")
    func suspended() throws {
        let yaml = cronJob(suspend: true, status: "  lastScheduleTime: \"2024-05-01T02:00:00Z\"")
        #expect(try health(yaml) == HealthStatus(.healthy, message: "CronJob is Suspended"))
    }
}
