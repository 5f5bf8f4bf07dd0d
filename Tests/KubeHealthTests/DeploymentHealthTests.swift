import KubeHealth
import Testing

struct DeploymentHealthTests {
    /// A Deployment whose spec and status the caller fills in.
    private func deployment(generation: Int = 4, spec: String = "", status: String) -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: guestbook-ui
          namespace: guestbook
          generation: \(generation)
        spec:
          replicas: 3
          selector:
            matchLabels: {app: guestbook-ui}
          template:
            metadata:
              labels: {app: guestbook-ui}
            spec:
              containers:
              - name: guestbook-ui
                image: gcr.io/heptio-images/ks-guestbook-demo:0.2
        \(spec)
        status:
        \(status)
        """
    }

    @Test("a fully rolled out Deployment is Healthy with no message")
    func healthy() throws {
        let yaml = deployment(status: """
          observedGeneration: 4
          replicas: 3
          updatedReplicas: 3
          readyReplicas: 3
          availableReplicas: 3
          conditions:
          - type: Available
            status: "True"
            reason: MinimumReplicasAvailable
          - type: Progressing
            status: "True"
            reason: NewReplicaSetAvailable
        """)
        #expect(try health(yaml) == HealthStatus(.healthy))
    }

    @Test("a rolling update that has replaced one of three pods is Progressing")
    func rollingUpdate() throws {
        let yaml = deployment(status: """
          observedGeneration: 4
          replicas: 4
          updatedReplicas: 1
          readyReplicas: 3
          availableReplicas: 3
          unavailableReplicas: 1
          conditions:
          - type: Progressing
            status: "True"
            reason: ReplicaSetUpdated
        """)
        #expect(try health(yaml) == HealthStatus(
            .progressing, message: "Waiting for rollout to finish: 1 out of 3 new replicas have been updated..."
        ))
    }

    @Test("old pods still terminating keep the rollout Progressing")
    func oldReplicasTerminating() throws {
        let yaml = deployment(status: """
          observedGeneration: 4
          replicas: 5
          updatedReplicas: 3
          availableReplicas: 3
        """)
        #expect(try health(yaml) == HealthStatus(
            .progressing, message: "Waiting for rollout to finish: 2 old replicas are pending termination..."
        ))
    }

    @Test("updated pods that are not yet available keep the rollout Progressing")
    func updatedNotAvailable() throws {
        let yaml = deployment(status: """
          observedGeneration: 4
          replicas: 3
          updatedReplicas: 3
          availableReplicas: 2
        """)
        #expect(try health(yaml) == HealthStatus(
            .progressing, message: "Waiting for rollout to finish: 2 of 3 updated replicas are available..."
        ))
    }

    @Test("a paused Deployment is Suspended whatever its rollout state")
    func paused() throws {
        let yaml = deployment(spec: "  paused: true", status: """
          observedGeneration: 3
          replicas: 3
          updatedReplicas: 1
        """)
        #expect(try health(yaml) == HealthStatus(.suspended, message: "Deployment is paused"))
    }

    @Test("a rollout past its progress deadline is Degraded and names the Deployment")
    func progressDeadlineExceeded() throws {
        let yaml = deployment(status: """
          observedGeneration: 4
          replicas: 4
          updatedReplicas: 1
          availableReplicas: 3
          unavailableReplicas: 1
          conditions:
          - type: Available
            status: "True"
            reason: MinimumReplicasAvailable
          - type: Progressing
            status: "False"
            reason: ProgressDeadlineExceeded
            message: ReplicaSet "guestbook-ui-7d4b9c" has timed out progressing.
        """)
        #expect(try health(yaml) == HealthStatus(
            .degraded, message: "Deployment \"guestbook-ui\" exceeded its progress deadline"
        ))
    }

    @Test("a spec change the controller has not observed yet is Progressing")
    func generationNotObserved() throws {
        let yaml = deployment(generation: 5, status: """
          observedGeneration: 4
          replicas: 3
          updatedReplicas: 3
          availableReplicas: 3
        """)
        #expect(try health(yaml) == HealthStatus(
            .progressing,
            message: "Waiting for rollout to finish: observed deployment generation less then desired generation"
        ))
    }
}
