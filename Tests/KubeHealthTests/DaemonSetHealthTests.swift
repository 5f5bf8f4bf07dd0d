import KubeHealth
import Testing

struct DaemonSetHealthTests {
    private func daemonSet(generation: Int = 7, strategy: String = "RollingUpdate", status: String) -> String {
        """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: fluent-bit
          namespace: logging
          generation: \(generation)
        spec:
          selector:
            matchLabels: {app: fluent-bit}
          updateStrategy:
            type: \(strategy)
          template:
            metadata:
              labels: {app: fluent-bit}
            spec:
              containers:
              - name: fluent-bit
                image: fluent/fluent-bit:3.0
        status:
          observedGeneration: 7
        \(status)
        """
    }

    @Test("a DaemonSet running the new pod on every node is Healthy")
    func healthy() throws {
        let yaml = daemonSet(status: """
          desiredNumberScheduled: 4
          currentNumberScheduled: 4
          updatedNumberScheduled: 4
          numberReady: 4
          numberAvailable: 4
        """)
        #expect(try health(yaml) == HealthStatus(.healthy))
    }

    @Test("nodes still running the old pod keep the rollout Progressing")
    func updating() throws {
        let yaml = daemonSet(status: """
          desiredNumberScheduled: 4
          updatedNumberScheduled: 2
          numberAvailable: 4
        """)
        #expect(try health(yaml) == HealthStatus(
            .progressing,
            message: "Waiting for daemon set \"fluent-bit\" rollout to finish: 2 out of 4 new pods have been updated..."
        ))
    }

    @Test("updated pods that are not yet available keep the rollout Progressing")
    func unavailable() throws {
        let yaml = daemonSet(status: """
          desiredNumberScheduled: 4
          updatedNumberScheduled: 4
          numberAvailable: 3
          numberUnavailable: 1
        """)
        #expect(try health(yaml) == HealthStatus(
            .progressing,
            message: "Waiting for daemon set \"fluent-bit\" rollout to finish: 3 of 4 updated pods are available..."
        ))
    }

    @Test("an OnDelete DaemonSet is Healthy and reports how many pods are updated")
    func onDelete() throws {
        let yaml = daemonSet(strategy: "OnDelete", status: """
          desiredNumberScheduled: 4
          updatedNumberScheduled: 1
          numberAvailable: 4
        """)
        #expect(try health(yaml) == HealthStatus(.healthy, message: "daemon set 1 out of 4 new pods have been updated"))
    }

    @Test("a spec change the controller has not observed yet is Progressing")
    func generationNotObserved() throws {
        let yaml = daemonSet(generation: 8, status: "  desiredNumberScheduled: 4")
        #expect(try health(yaml) == HealthStatus(
            .progressing,
            message: "Waiting for rollout to finish: observed daemon set generation less then desired generation"
        ))
    }
}
