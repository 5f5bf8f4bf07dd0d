import Testing

/// Deployments driven with the real kubectl: rollouts finish, updates roll through a new ReplicaSet,
/// undo and scale work, and describe shows the controller's events.
@Suite(.serialized, .enabled(if: Kubectl.path != nil, "kubectl is not installed, so the simulated workloads cannot be driven with it"))
struct DeploymentSimulationTests {
    static func deployment(_ name: String, image: String, replicas: Int = 3, extra: String = "") -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: \(name)
        spec:
          replicas: \(replicas)
        \(extra)
          selector:
            matchLabels: {app: \(name)}
          template:
            metadata:
              labels: {app: \(name)}
            spec:
              containers:
              - name: web
                image: \(image)
                ports:
                - {name: http, containerPort: 8080}
        """
    }

    @Test func rolloutUpdateUndoAndScale() async throws {
        let kubectl = try await Kubectl.forNewNamespace("deploy")
        let applied = await kubectl.apply(Self.deployment("web", image: "nginx:1.25"))
        try #require(applied.succeeded, "\(applied)")
        let first = await kubectl.run(["rollout", "status", "deployment/web", "--timeout=60s"])
        #expect(first.succeeded, "\(first)")
        #expect(first.output.contains("successfully rolled out"), "\(first)")

        let pods = await kubectl.run(["get", "pods", "-l", "app=web", "--no-headers"])
        #expect(pods.output.split(separator: "\n").count == 3, "\(pods)")
        #expect(pods.output.split(separator: "\n").allSatisfy { $0.contains("1/1") && $0.contains("Running") }, "\(pods)")

        let updated = await kubectl.run(["set", "image", "deployment/web", "web=nginx:1.26"])
        try #require(updated.succeeded, "\(updated)")
        let second = await kubectl.run(["rollout", "status", "deployment/web", "--timeout=60s"])
        #expect(second.succeeded, "\(second)")
        let revision = await kubectl.run(["get", "deployment", "web", "-o", "jsonpath={.metadata.annotations.deployment\\.kubernetes\\.io/revision}"])
        #expect(revision.output == "2", "\(revision)")
        let replicaSets = await kubectl.run(["get", "rs", "-l", "app=web", "-o", "jsonpath={range .items[*]}{.spec.replicas}/{.metadata.annotations.deployment\\.kubernetes\\.io/revision}{\" \"}{end}"])
        #expect(Set(replicaSets.output.split(separator: " ")) == ["0/1", "3/2"], "\(replicaSets)")
        let images = await kubectl.run(["get", "pods", "-l", "app=web", "-o", "jsonpath={.items[*].spec.containers[0].image}"])
        #expect(images.output.split(separator: " ").allSatisfy { $0 == "nginx:1.26" }, "\(images)")

        let undo = await kubectl.run(["rollout", "undo", "deployment/web"])
        #expect(undo.succeeded, "\(undo)")
        let third = await kubectl.run(["rollout", "status", "deployment/web", "--timeout=60s"])
        #expect(third.succeeded, "\(third)")
        let undone = await kubectl.run(["get", "deployment", "web", "-o", "jsonpath={.spec.template.spec.containers[0].image} {.metadata.annotations.deployment\\.kubernetes\\.io/revision}"])
        #expect(undone.output == "nginx:1.25 3", "\(undone)")
        #expect(await kubectl.run(["get", "rs", "-l", "app=web", "--no-headers"]).output.split(separator: "\n").count == 2)

        let available = await kubectl.run(["wait", "--for=condition=Available", "deployment/web", "--timeout=60s"])
        #expect(available.succeeded, "\(available)")

        let scaled = await kubectl.run(["scale", "deployment/web", "--replicas=5"])
        #expect(scaled.succeeded, "\(scaled)")
        let fourth = await kubectl.run(["rollout", "status", "deployment/web", "--timeout=60s"])
        #expect(fourth.succeeded, "\(fourth)")
        let ready = await kubectl.eventually(["get", "deployment", "web", "-o", "jsonpath={.status.readyReplicas}/{.status.availableReplicas}/{.status.updatedReplicas}"]) { $0 == "5/5/5" }
        #expect(ready.output == "5/5/5", "\(ready)")

        let restarted = await kubectl.run(["rollout", "restart", "deployment/web"])
        #expect(restarted.succeeded, "\(restarted)")
        let fifth = await kubectl.run(["rollout", "status", "deployment/web", "--timeout=60s"])
        #expect(fifth.succeeded, "\(fifth)")
        let history = await kubectl.run(["rollout", "history", "deployment/web"])
        #expect(history.output.contains("4"), "\(history)")

        let described = await kubectl.run(["describe", "deployment", "web"])
        #expect(described.output.contains("ScalingReplicaSet"), "\(described)")
        #expect(described.output.contains("NewReplicaSetAvailable"), "\(described)")
        let podEvents = await kubectl.run(["get", "events", "--field-selector", "reason=Started", "--no-headers"])
        #expect(!podEvents.output.isEmpty, "\(podEvents)")
    }

    @Test func recreateAndPausedDeployments() async throws {
        let kubectl = try await Kubectl.forNewNamespace("recreate")
        let applied = await kubectl.apply(Self.deployment("batch", image: "worker:1", replicas: 2, extra: "  strategy: {type: Recreate}"))
        try #require(applied.succeeded, "\(applied)")
        #expect(await kubectl.run(["rollout", "status", "deployment/batch", "--timeout=60s"]).succeeded)
        #expect(await kubectl.run(["set", "image", "deployment/batch", "web=worker:2"]).succeeded)
        let recreated = await kubectl.run(["rollout", "status", "deployment/batch", "--timeout=60s"])
        #expect(recreated.succeeded, "\(recreated)")
        let replicaSets = await kubectl.run(["get", "rs", "-l", "app=batch", "-o", "jsonpath={range .items[*]}{.spec.template.spec.containers[0].image}={.status.replicas} {end}"])
        #expect(Set(replicaSets.output.split(separator: " ")) == ["worker:1=0", "worker:2=2"], "\(replicaSets)")

        #expect(await kubectl.run(["rollout", "pause", "deployment/batch"]).succeeded)
        #expect(await kubectl.run(["set", "image", "deployment/batch", "web=worker:3"]).succeeded)
        let paused = await kubectl.eventually(["get", "deployment", "batch", "-o", "jsonpath={.status.conditions[?(@.type==\"Progressing\")].reason}"]) {
            $0 == "DeploymentPaused"
        }
        #expect(paused.output == "DeploymentPaused", "\(paused)")
        #expect(await kubectl.run(["get", "rs", "-l", "app=batch", "--no-headers"]).output.split(separator: "\n").count == 2)
        #expect(await kubectl.run(["rollout", "resume", "deployment/batch"]).succeeded)
        let resumed = await kubectl.run(["rollout", "status", "deployment/batch", "--timeout=60s"])
        #expect(resumed.succeeded, "\(resumed)")
        let images = await kubectl.run(["get", "pods", "-l", "app=batch", "-o", "jsonpath={.items[*].spec.containers[0].image}"])
        #expect(images.output == "worker:3 worker:3", "\(images)")
    }
}
