import Foundation
import KubeHealth
import Testing

struct StatefulSetHealthTests {
    private func statefulSet(strategy: String = "", status: String) -> String {
        """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: redis
          namespace: cache
          generation: 2
        spec:
          replicas: 3
          serviceName: redis
          selector:
            matchLabels: {app: redis}
          template:
            metadata:
              labels: {app: redis}
            spec:
              containers:
              - name: redis
                image: redis:7.2
        \(strategy)
        status:
        \(status)
        """
    }

    private let rollingUpdate = """
      updateStrategy:
        type: RollingUpdate
    """

    @Test("a StatefulSet the controller has never reported on is Progressing")
    func notObserved() throws {
        let yaml = statefulSet(status: "  replicas: 0")
        #expect(try health(yaml) == HealthStatus(.progressing, message: "Waiting for statefulset spec update to be observed..."))
    }

    @Test("pods that are not ready yet are counted in the message")
    func podsNotReady() throws {
        let yaml = statefulSet(strategy: rollingUpdate, status: """
          observedGeneration: 2
          replicas: 3
          readyReplicas: 1
          currentReplicas: 3
          updatedReplicas: 3
        """)
        #expect(try health(yaml) == HealthStatus(.progressing, message: "Waiting for 2 pods to be ready..."))
    }

    @Test("a partitioned rollout waits only for the pods above the partition")
    func partitioned() throws {
        let strategy = """
          updateStrategy:
            type: RollingUpdate
            rollingUpdate:
              partition: 1
        """
        let inProgress = statefulSet(strategy: strategy, status: """
          observedGeneration: 2
          replicas: 3
          readyReplicas: 3
          updatedReplicas: 1
          currentRevision: redis-6d5f8b
          updateRevision: redis-7c9a1e
        """)
        #expect(try health(inProgress) == HealthStatus(
            .progressing, message: "Waiting for partitioned roll out to finish: 1 out of 2 new pods have been updated..."
        ))
        let done = inProgress.replacingOccurrences(of: "updatedReplicas: 1", with: "updatedReplicas: 2")
        #expect(try health(done) == HealthStatus(.healthy, message: "partitioned roll out complete: 2 new pods have been updated..."))
    }

    @Test("an OnDelete StatefulSet with ready pods is Healthy even with old pods")
    func onDelete() throws {
        let yaml = statefulSet(strategy: "  updateStrategy:\n    type: OnDelete", status: """
          observedGeneration: 2
          replicas: 3
          readyReplicas: 3
          updatedReplicas: 1
          currentRevision: redis-6d5f8b
          updateRevision: redis-7c9a1e
        """)
        #expect(try health(yaml) == HealthStatus(.healthy, message: "statefulset has 3 ready pods (1 updated)"))
    }

    @Test("a rolling update is Progressing until every pod is at the update revision")
    func rollingRevision() throws {
        let inProgress = statefulSet(status: """
          observedGeneration: 2
          replicas: 3
          readyReplicas: 3
          currentReplicas: 2
          updatedReplicas: 1
          currentRevision: redis-6d5f8b
          updateRevision: redis-7c9a1e
        """)
        #expect(try health(inProgress) == HealthStatus(
            .progressing, message: "waiting for statefulset rolling update to complete 1 pods at revision redis-7c9a1e..."
        ))
        let done = statefulSet(status: """
          observedGeneration: 2
          replicas: 3
          readyReplicas: 3
          currentReplicas: 3
          updatedReplicas: 3
          currentRevision: redis-7c9a1e
          updateRevision: redis-7c9a1e
        """)
        #expect(try health(done) == HealthStatus(
            .healthy, message: "statefulset rolling update complete 3 pods at revision redis-7c9a1e..."
        ))
    }
}
