import Testing

/// StatefulSets, DaemonSets and Jobs driven with the real kubectl.
@Suite(.serialized, .enabled(if: Kubectl.path != nil, "kubectl is not installed, so the simulated workloads cannot be driven with it"))
struct WorkloadSimulationTests {
    @Test func nodesAreReady() async throws {
        let kubectl = try await Kubectl.forNewNamespace("nodes")
        let nodes = await kubectl.run(["get", "nodes", "--no-headers"], namespaced: false)
        let lines = nodes.output.split(separator: "\n")
        #expect(lines.count == 3, "\(nodes)")
        #expect(lines.allSatisfy { $0.contains(" Ready ") && $0.contains("v1.32.0") }, "\(nodes)")
    }

    @Test func statefulSetRollsOutInOrderWithClaims() async throws {
        let kubectl = try await Kubectl.forNewNamespace("sts")
        let applied = await kubectl.apply("""
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db}
            spec:
              serviceName: db
              replicas: 3
              selector: {matchLabels: {app: db}}
              template:
                metadata: {labels: {app: db}}
                spec:
                  containers: [{name: db, image: "postgres:16"}]
              volumeClaimTemplates:
              - metadata: {name: data}
                spec:
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: 1Gi}}
            """)
        try #require(applied.succeeded, "\(applied)")
        let status = await kubectl.run(["rollout", "status", "statefulset/db", "--timeout=60s"])
        #expect(status.succeeded, "\(status)")
        let pods = await kubectl.run(["get", "pods", "-l", "app=db", "-o", "jsonpath={.items[*].metadata.name}"])
        #expect(pods.output == "db-0 db-1 db-2", "\(pods)")
        let claims = await kubectl.eventually(["get", "pvc", "-o", "jsonpath={range .items[*]}{.metadata.name}={.status.phase} {end}"]) {
            $0.split(separator: " ").count == 3 && !$0.contains("Pending")
        }
        #expect(claims.output == "data-db-0=Bound data-db-1=Bound data-db-2=Bound ", "\(claims)")

        let updated = await kubectl.run(["set", "image", "statefulset/db", "db=postgres:17"])
        try #require(updated.succeeded, "\(updated)")
        let rolled = await kubectl.run(["rollout", "status", "statefulset/db", "--timeout=60s"])
        #expect(rolled.succeeded, "\(rolled)")
        let images = await kubectl.run(["get", "pods", "-l", "app=db", "-o", "jsonpath={.items[*].spec.containers[0].image}"])
        #expect(images.output == "postgres:17 postgres:17 postgres:17", "\(images)")
        let revisions = await kubectl.run(["get", "statefulset", "db", "-o", "jsonpath={.status.currentRevision}={.status.updateRevision}"])
        let parts = revisions.output.split(separator: "=")
        #expect(parts.count == 2 && parts[0] == parts[1], "\(revisions)")
    }

    @Test func daemonSetRunsOnEveryNode() async throws {
        let kubectl = try await Kubectl.forNewNamespace("ds")
        let applied = await kubectl.apply("""
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: agent}
            spec:
              selector: {matchLabels: {app: agent}}
              template:
                metadata: {labels: {app: agent}}
                spec:
                  containers: [{name: agent, image: "fluent-bit:3"}]
            """)
        try #require(applied.succeeded, "\(applied)")
        let status = await kubectl.run(["rollout", "status", "daemonset/agent", "--timeout=60s"])
        #expect(status.succeeded, "\(status)")
        let nodes = await kubectl.run(["get", "pods", "-l", "app=agent", "-o", "jsonpath={.items[*].spec.nodeName}"])
        #expect(Set(nodes.output.split(separator: " ")) == ["wharf-node-1", "wharf-node-2", "wharf-node-3"], "\(nodes)")
        let counts = await kubectl.run(["get", "daemonset", "agent", "-o", "jsonpath={.status.desiredNumberScheduled}/{.status.numberReady}/{.status.numberAvailable}/{.status.updatedNumberScheduled}"])
        #expect(counts.output == "3/3/3/3", "\(counts)")
    }

    @Test func jobsCompleteOrFail() async throws {
        let kubectl = try await Kubectl.forNewNamespace("job")
        let applied = await kubectl.apply("""
            apiVersion: batch/v1
            kind: Job
            metadata: {name: migrate}
            spec:
              completions: 3
              parallelism: 2
              template:
                spec:
                  restartPolicy: Never
                  containers: [{name: migrate, image: "busybox:1.36"}]
            ---
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: broken
              annotations: {wharf.io/simulate: Fail}
            spec:
              backoffLimit: 1
              template:
                spec:
                  restartPolicy: Never
                  containers: [{name: broken, image: "busybox:1.36"}]
            """)
        try #require(applied.succeeded, "\(applied)")
        let complete = await kubectl.run(["wait", "--for=condition=complete", "job/migrate", "--timeout=60s"])
        #expect(complete.succeeded, "\(complete)")
        let succeeded = await kubectl.run(["get", "job", "migrate", "-o", "jsonpath={.status.succeeded}"])
        #expect(succeeded.output == "3", "\(succeeded)")
        let completedPods = await kubectl.run(["get", "pods", "-l", "job-name=migrate", "--no-headers"])
        #expect(completedPods.output.split(separator: "\n").allSatisfy { $0.contains("Completed") || $0.contains("Succeeded") }, "\(completedPods)")

        let failed = await kubectl.run(["wait", "--for=condition=failed", "job/broken", "--timeout=60s"])
        #expect(failed.succeeded, "\(failed)")
        let reason = await kubectl.run(["get", "job", "broken", "-o", "jsonpath={.status.conditions[?(@.type==\"Failed\")].reason}"])
        #expect(reason.output == "BackoffLimitExceeded", "\(reason)")
        let failedPods = await kubectl.run(["get", "pods", "-l", "job-name=broken", "-o", "jsonpath={.items[*].status.phase}"])
        #expect(failedPods.output == "Failed Failed", "\(failedPods)")
    }
}
