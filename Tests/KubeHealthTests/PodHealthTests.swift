import KubeHealth
import Testing

struct PodHealthTests {
    /// A pod of the guestbook app with the given restart policy, extra metadata and status.
    private func pod(restartPolicy: String = "Always", metadata: String = "", status: String) -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: guestbook-ui-7d4b9c-x2x7k
          namespace: guestbook
        \(metadata)
        spec:
          restartPolicy: \(restartPolicy)
          containers:
          - name: guestbook-ui
            image: gcr.io/heptio-images/ks-guestbook-demo:0.2
          - name: metrics
            image: prom/statsd-exporter:v0.26.0
        status:
        \(status)
        """
    }

    @Test("a pod waiting to be scheduled is Progressing with the scheduler's message")
    func pending() throws {
        let yaml = pod(status: """
          phase: Pending
          conditions:
          - type: PodScheduled
            status: "False"
            reason: Unschedulable
            message: '0/3 nodes are available: 3 Insufficient cpu.'
        """)
        #expect(try health(yaml) == HealthStatus(.progressing))
        let withMessage = pod(status: "  phase: Pending\n  message: 'Pod was rejected: Node didn''t have enough resource: cpu'")
        #expect(try health(withMessage) == HealthStatus(
            .progressing, message: "Pod was rejected: Node didn't have enough resource: cpu"
        ))
    }

    @Test("a running, ready pod is Healthy")
    func runningReady() throws {
        let yaml = pod(status: """
          phase: Running
          conditions:
          - {type: Initialized, status: "True"}
          - {type: Ready, status: "True"}
          - {type: ContainersReady, status: "True"}
          containerStatuses:
          - name: guestbook-ui
            ready: true
            restartCount: 0
            state: {running: {startedAt: "2024-05-01T10:00:00Z"}}
        """)
        #expect(try health(yaml) == HealthStatus(.healthy))
    }

    @Test("a running pod that is not ready yet is Progressing")
    func runningNotReady() throws {
        let yaml = pod(status: """
          phase: Running
          conditions:
          - {type: Ready, status: "False", reason: ContainersNotReady}
          containerStatuses:
          - name: guestbook-ui
            ready: false
            state: {running: {startedAt: "2024-05-01T10:00:00Z"}}
        """)
        #expect(try health(yaml) == HealthStatus(.progressing))
    }

    @Test("a running pod that is not ready after a container terminated is Degraded")
    func runningNotReadyAfterRestart() throws {
        let yaml = pod(status: """
          phase: Running
          conditions:
          - {type: Ready, status: "False", reason: ContainersNotReady}
          containerStatuses:
          - name: guestbook-ui
            ready: false
            restartCount: 2
            state: {running: {startedAt: "2024-05-01T10:05:00Z"}}
            lastState:
              terminated: {exitCode: 137, reason: Error, finishedAt: "2024-05-01T10:04:58Z"}
        """)
        #expect(try health(yaml) == HealthStatus(.degraded))
    }

    @Test("a container in CrashLoopBackOff makes the pod Degraded with the kubelet's message")
    func crashLoopBackOff() throws {
        let yaml = pod(status: """
          phase: Running
          conditions:
          - {type: Ready, status: "False", reason: ContainersNotReady}
          containerStatuses:
          - name: guestbook-ui
            ready: false
            restartCount: 5
            state:
              waiting:
                reason: CrashLoopBackOff
                message: back-off 2m40s restarting failed container=guestbook-ui pod=guestbook-ui-7d4b9c-x2x7k_guestbook(0c1e2f)
            lastState:
              terminated: {exitCode: 1, reason: Error}
        """)
        #expect(try health(yaml) == HealthStatus(
            .degraded,
            message: "back-off 2m40s restarting failed container=guestbook-ui pod=guestbook-ui-7d4b9c-x2x7k_guestbook(0c1e2f)"
        ))
    }

    @Test("image pull failures in several containers are all reported, joined by commas")
    func imagePullBackOff() throws {
        let yaml = pod(status: """
          phase: Pending
          containerStatuses:
          - name: guestbook-ui
            state:
              waiting:
                reason: ImagePullBackOff
                message: Back-off pulling image "gcr.io/heptio-images/ks-guestbook-demo:0.2"
          - name: metrics
            state:
              waiting:
                reason: ErrImagePull
                message: 'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/prom/statsd-exporter:v0.26.0": not found'
        """)
        #expect(try health(yaml) == HealthStatus(
            .degraded,
            message: "Back-off pulling image \"gcr.io/heptio-images/ks-guestbook-demo:0.2\", "
                + "rpc error: code = NotFound desc = failed to pull and unpack image \"docker.io/prom/statsd-exporter:v0.26.0\": not found"
        ))
    }

    @Test("a waiting reason that is only temporary does not degrade the pod")
    func containerCreating() throws {
        let yaml = pod(status: """
          phase: Pending
          containerStatuses:
          - name: guestbook-ui
            state: {waiting: {reason: ContainerCreating}}
        """)
        #expect(try health(yaml) == HealthStatus(.progressing))
    }

    @Test("a hook pod (restartPolicy Never) that cannot pull its image stays Progressing, not Degraded")
    func hookPodImagePull() throws {
        let yaml = pod(restartPolicy: "Never", status: """
          phase: Pending
          containerStatuses:
          - name: guestbook-ui
            state: {waiting: {reason: ImagePullBackOff, message: Back-off pulling image}}
        """)
        #expect(try health(yaml) == HealthStatus(.progressing))
    }

    @Test("a running pod that does not restart forever is Progressing even when ready")
    func runningFinitePod() throws {
        let status = """
          phase: Running
          conditions:
          - {type: Ready, status: "True"}
        """
        #expect(try health(pod(restartPolicy: "Never", status: status)) == HealthStatus(.progressing))
        #expect(try health(pod(restartPolicy: "OnFailure", status: status)) == HealthStatus(.progressing))
    }

    @Test("the ignore-restart-policy annotation judges a finite pod by readiness")
    func ignoreRestartPolicy() throws {
        let yaml = pod(
            restartPolicy: "OnFailure",
            metadata: "  annotations:\n    argocd.argoproj.io/ignore-restart-policy: \"true\"",
            status: """
              phase: Running
              conditions:
              - {type: Ready, status: "True"}
            """
        )
        #expect(try health(yaml) == HealthStatus(.healthy))
    }

    @Test("a completed pod is Healthy")
    func succeeded() throws {
        let yaml = pod(restartPolicy: "Never", status: """
          phase: Succeeded
          containerStatuses:
          - name: guestbook-ui
            state: {terminated: {exitCode: 0, reason: Completed}}
        """)
        #expect(try health(yaml) == HealthStatus(.healthy))
    }

    @Test("a failed pod reports the pod message first")
    func failedWithPodMessage() throws {
        let yaml = pod(status: """
          phase: Failed
          reason: Evicted
          message: 'The node was low on resource: memory. Container guestbook-ui was using 1Gi, which exceeds its request of 256Mi.'
        """)
        #expect(try health(yaml) == HealthStatus(
            .degraded,
            message: "The node was low on resource: memory. Container guestbook-ui was using 1Gi, which exceeds its request of 256Mi."
        ))
    }

    @Test("a failed pod without a message names the failed container and its exit code")
    func failedWithExitCode() throws {
        let yaml = pod(restartPolicy: "Never", status: """
          phase: Failed
          initContainerStatuses:
          - name: migrate
            state: {terminated: {exitCode: 0, reason: Completed}}
          containerStatuses:
          - name: guestbook-ui
            state: {terminated: {exitCode: 2, reason: Error}}
        """)
        #expect(try health(yaml) == HealthStatus(.degraded, message: "container \"guestbook-ui\" failed with exit code 2"))
    }

    @Test("a failed pod reports a termination message, then OOMKilled, before an exit code")
    func failedTerminationDetails() throws {
        let oomKilled = pod(restartPolicy: "Never", status: """
          phase: Failed
          containerStatuses:
          - name: guestbook-ui
            state: {terminated: {exitCode: 137, reason: OOMKilled}}
        """)
        #expect(try health(oomKilled) == HealthStatus(.degraded, message: "OOMKilled"))
        let initFailed = pod(restartPolicy: "Never", status: """
          phase: Failed
          initContainerStatuses:
          - name: migrate
            state: {terminated: {exitCode: 1, reason: Error, message: 'relation "users" already exists'}}
          containerStatuses:
          - name: guestbook-ui
            state: {waiting: {reason: PodInitializing}}
        """)
        #expect(try health(initFailed) == HealthStatus(.degraded, message: "relation \"users\" already exists"))
    }

    @Test("a pod in an unknown phase is Unknown")
    func unknownPhase() throws {
        let yaml = pod(status: "  phase: Unknown\n  message: node worker-2 is unreachable")
        #expect(try health(yaml) == HealthStatus(.unknown, message: "node worker-2 is unreachable"))
    }
}
