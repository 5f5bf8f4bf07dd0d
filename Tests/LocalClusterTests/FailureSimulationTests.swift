import Testing

/// Failures asked for on purpose, so that Degraded health can be tested, as kubectl shows them.
@Suite(.serialized, .enabled(if: Kubectl.path != nil, "kubectl is not installed, so the simulated workloads cannot be driven with it"))
struct FailureSimulationTests {
    @Test func crashLoopingDeploymentExceedsItsProgressDeadline() async throws {
        let kubectl = try await Kubectl.forNewNamespace("crash")
        let applied = await kubectl.apply(DeploymentSimulationTests.deployment("crashy", image: "example/crashloop:1", replicas: 2, extra: "  progressDeadlineSeconds: 2"))
        try #require(applied.succeeded, "\(applied)")
        let pods = await kubectl.eventually(["get", "pods", "-l", "app=crashy", "--no-headers"]) { output in
            let lines = output.split(separator: "\n")
            return lines.count == 2 && lines.allSatisfy { $0.contains("CrashLoopBackOff") }
        }
        #expect(pods.output.split(separator: "\n").allSatisfy { $0.contains("0/1") && $0.contains("CrashLoopBackOff") }, "\(pods)")
        let rollout = await kubectl.run(["rollout", "status", "deployment/crashy", "--timeout=60s"])
        #expect(!rollout.succeeded, "\(rollout)")
        #expect(rollout.error.contains("exceeded its progress deadline"), "\(rollout)")
        let condition = await kubectl.run(["get", "deployment", "crashy", "-o", "jsonpath={.status.conditions[?(@.type==\"Progressing\")].reason}"])
        #expect(condition.output == "ProgressDeadlineExceeded", "\(condition)")
        let described = await kubectl.run(["describe", "pod", "-l", "app=crashy"])
        #expect(described.output.contains("BackOff"), "\(described)")
    }

    @Test func unpullableImageWaitsInImagePullBackOff() async throws {
        let kubectl = try await Kubectl.forNewNamespace("pull")
        let applied = await kubectl.apply("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: lost
              annotations: {wharf.io/simulate: ImagePullBackOff}
            spec:
              containers: [{name: app, image: "nginx:1.25"}]
            """)
        try #require(applied.succeeded, "\(applied)")
        let pod = await kubectl.eventually(["get", "pod", "lost", "--no-headers"]) { $0.contains("ImagePullBackOff") }
        #expect(pod.output.contains("0/1") && pod.output.contains("ImagePullBackOff"), "\(pod)")
        let phase = await kubectl.run(["get", "pod", "lost", "-o", "jsonpath={.status.phase}"])
        #expect(phase.output == "Pending", "\(phase)")
    }
}
