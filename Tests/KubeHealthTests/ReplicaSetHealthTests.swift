import KubeHealth
import Testing

struct ReplicaSetHealthTests {
    private func replicaSet(generation: Int = 1, status: String) -> String {
        """
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata:
          name: guestbook-ui-7d4b9c
          namespace: guestbook
          generation: \(generation)
        spec:
          replicas: 3
          selector:
            matchLabels: {app: guestbook-ui}
        status:
          observedGeneration: 1
        \(status)
        """
    }

    @Test("a ReplicaSet with all replicas available is Healthy")
    func healthy() throws {
        let yaml = replicaSet(status: "  replicas: 3\n  availableReplicas: 3\n  readyReplicas: 3")
        #expect(try health(yaml) == HealthStatus(.healthy))
    }

    @Test("missing replicas are Progressing")
    func progressing() throws {
        let yaml = replicaSet(status: "  replicas: 3\n  availableReplicas: 1")
        #expect(try health(yaml) == HealthStatus(
            .progressing, message: "Waiting for rollout to finish: 1 out of 3 new replicas are available..."
        ))
    }

    @Test("a ReplicaSet that cannot create pods is Degraded with the controller's message")
    func replicaFailure() throws {
        let yaml = replicaSet(status: """
          replicas: 1
          availableReplicas: 1
          conditions:
          - type: ReplicaFailure
            status: "True"
            reason: FailedCreate
            message: 'pods "guestbook-ui-7d4b9c-x2x7k" is forbidden: exceeded quota: compute, requested: cpu=500m, used: cpu=1500m, limited: cpu=2'
        """)
        #expect(try health(yaml) == HealthStatus(
            .degraded,
            message: "pods \"guestbook-ui-7d4b9c-x2x7k\" is forbidden: exceeded quota: compute, requested: cpu=500m, used: cpu=1500m, limited: cpu=2"
        ))
    }

    @Test("a spec change the controller has not observed yet is Progressing")
    func generationNotObserved() throws {
        let yaml = replicaSet(generation: 2, status: "  replicas: 3\n  availableReplicas: 3")
        #expect(try health(yaml) == HealthStatus(
            .progressing,
            message: "Waiting for rollout to finish: observed replica set generation less then desired generation"
        ))
    }
}
