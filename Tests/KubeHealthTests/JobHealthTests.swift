import KubeHealth
import Testing

struct JobHealthTests {
    private func job(spec: String = "", status: String) -> String {
        """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: db-migrate
          namespace: guestbook
          annotations:
            argocd.argoproj.io/hook: PreSync
        spec:
          backoffLimit: 2
        \(spec)
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: migrate
                image: migrate/migrate:v4.17.0
        status:
        \(status)
        """
    }

    @Test("a Job with running pods and no terminal condition is Progressing")
    func running() throws {
        let yaml = job(status: "  active: 1\n  startTime: \"2024-05-01T10:00:00Z\"")
        #expect(try health(yaml) == HealthStatus(.progressing))
    }

    @Test("a completed Job is Healthy")
    func succeeded() throws {
        let yaml = job(status: """
          succeeded: 1
          completionTime: "2024-05-01T10:00:42Z"
          conditions:
          - type: SuccessCriteriaMet
            status: "True"
          - type: Complete
            status: "True"
        """)
        #expect(try health(yaml) == HealthStatus(.healthy))
    }

    @Test("a failed Job is Degraded with the Failed condition's message")
    func failed() throws {
        let yaml = job(status: """
          failed: 3
          conditions:
          - type: FailureTarget
            status: "True"
            reason: BackoffLimitExceeded
            message: Job has reached the specified backoff limit
          - type: Failed
            status: "True"
            reason: BackoffLimitExceeded
            message: Job has reached the specified backoff limit
        """)
        #expect(try health(yaml) == HealthStatus(.degraded, message: "Job has reached the specified backoff limit"))
    }

    @Test("a suspended Job is Suspended with the Suspended condition's message")
    func suspended() throws {
        let yaml = job(spec: "  suspend: true", status: """
          conditions:
          - type: Suspended
            status: "True"
            reason: JobSuspended
            message: Job suspended
        """)
        #expect(try health(yaml) == HealthStatus(.suspended, message: "Job suspended"))
    }

    @Test("a Job resumed after a suspension is Healthy once it completes")
    func resumedAndCompleted() throws {
        let yaml = job(status: """
          succeeded: 1
          conditions:
          - type: Suspended
            status: "False"
            reason: JobResumed
            message: Job resumed
          - type: Complete
            status: "True"
        """)
        #expect(try health(yaml) == HealthStatus(.healthy))
    }
}
