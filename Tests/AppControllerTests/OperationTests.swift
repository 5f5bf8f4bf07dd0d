import AppController
import ClusterTestSupport
import Foundation
import KubeClient
import KubeModel
import Testing

/// Operations a user asks for on a running application: a rollback to a history entry and the
/// termination of a sync in progress, requested as `argocd app rollback` / `terminate-op` write them.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git"), "git is needed"), .timeLimit(.minutes(3)))
struct OperationTests {
    private func application(_ name: String, repository: AppRepository, path: String, automated: Bool) throws -> KubeObject {
        try KubeObject(YAMLReader.read("""
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata: {name: \(name), namespace: argocd}
            spec:
              project: default
              source: {repoURL: "\(repository.url)", path: \(path), targetRevision: main}
              destination: {server: "https://kubernetes.default.svc", namespace: \(name)}
              syncPolicy:
                \(automated ? "automated: {prune: true}" : "{}")
                syncOptions: [CreateNamespace=true]
            """))
    }

    private static func settings(_ color: String) -> [String: String] {
        ["web/settings.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  color: \(color)\n"]
    }

    @Test("a rollback deploys an earlier history entry's revision, is recorded in the history, and leaves the app OutOfSync with Git")
    func rollback() async throws {
        try await RunningCluster.withController(repositoryFiles: [:]) { client, repository in
            try repository.write(Self.settings("blue"))
            let first = try await repository.commit("blue")
            _ = try await client.create(try application("rolled", repository: repository, path: "web", automated: true))
            let color = { @Sendable in try? await client.get(TestResources.configMaps, namespace: "rolled", name: "settings")[path: "data", "color"]?.stringValue }
            try await eventually("blue deployed", detail: { await client.describeApplication("rolled") }) { await color() == "blue" }

            try repository.write(Self.settings("green"))
            let second = try await repository.commit("green")
            _ = try await client.patch(
                TestResources.applications, namespace: "argocd", name: "rolled", type: .merge, ["metadata": ["annotations": ["argocd.argoproj.io/refresh": "normal"]]])
            try await eventually("green deployed and recorded", detail: { await client.describeApplication("rolled") }) {
                let history = await client.application("rolled")?[path: "status", "history"]?.arrayValue ?? []
                return await color() == "green" && history.last?["revision"]?.stringValue == second
            }

            // With automation on, a rollback would be undone at once: upstream refuses it.
            let automated = try #require(await client.application("rolled"))
            #expect(throws: OperationRequestError.self) { _ = try OperationRequest.rollback(automated, to: 0) }
            _ = try await client.patch(TestResources.applications, namespace: "argocd", name: "rolled", type: .merge, ["spec": ["syncPolicy": ["automated": .null]]])
            var current = try #require(await client.application("rolled"))
            #expect(throws: OperationRequestError.self) { _ = try OperationRequest.rollback(current, to: 99) }

            let firstEntry = try #require(current[path: "status", "history"]?.arrayValue?.first { $0["revision"]?.stringValue == first })
            let id = Int(try #require(firstEntry["id"]?.int64Value))
            _ = try await client.patch(TestResources.applications, namespace: "argocd", name: "rolled", type: .merge, try OperationRequest.rollback(current, to: id))
            try await eventually("rolled back to blue", detail: { await client.describeApplication("rolled") }) {
                let phase = await client.application("rolled")?[path: "status", "operationState", "phase"]?.stringValue
                return await color() == "blue" && phase == "Succeeded"
            }
            try await eventually("the app OutOfSync with Git's green", detail: { await client.describeApplication("rolled") }) {
                await client.application("rolled")?[path: "status", "sync", "status"]?.stringValue == "OutOfSync"
            }
            current = try #require(await client.application("rolled"))
            let history = current[path: "status", "history"]?.arrayValue ?? []
            #expect(history.count == 3)
            #expect(history.last?["revision"]?.stringValue == first)
            #expect(history.last?[path: ["initiatedBy", "username"]] == "admin")
            #expect(current[path: "status", "operationState", "syncResult", "revision"]?.stringValue == first)
        }
    }

    @Test("terminating a sync stuck on a hook ends it Failed with upstream's message, deletes the hook, and applies nothing after it")
    func terminate() async throws {
        try await RunningCluster.withController(repositoryFiles: [:]) { client, repository in
            try repository.write([
                "stuck/hook.yaml": """
                    apiVersion: batch/v1
                    kind: Job
                    metadata:
                      name: migrate
                      annotations: {argocd.argoproj.io/hook: PreSync}
                    spec:
                      backoffLimit: 0
                      template:
                        spec:
                          restartPolicy: Never
                          containers:
                          - name: migrate
                            image: registry.local/imagepullbackoff:1.0
                    """,
                "stuck/settings.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  color: blue\n",
            ])
            try await repository.commit()
            _ = try await client.create(try application("stuck", repository: repository, path: "stuck", automated: true))
            try await eventually("the PreSync hook running", detail: { await client.describeApplication("stuck") }) {
                let results = await client.application("stuck")?[path: "status", "operationState", "syncResult", "resources"]?.arrayValue ?? []
                return results.contains { $0["kind"] == "Job" && $0["hookPhase"] == "Running" }
            }
            let running = try #require(await client.application("stuck"))
            _ = try await client.patch(TestResources.applications, namespace: "argocd", name: "stuck", type: .merge, try OperationRequest.terminate(running))
            try await eventually("the operation terminated", detail: { await client.describeApplication("stuck") }) {
                await client.application("stuck")?[path: "status", "operationState", "phase"]?.stringValue == "Failed"
            }
            let ended = try #require(await client.application("stuck"))
            #expect(ended[path: "status", "operationState", "message"] == "Operation terminated")
            let hook = ended[path: "status", "operationState", "syncResult", "resources"]?.arrayValue?.first { $0["kind"] == "Job" }
            #expect(hook?["hookPhase"] == "Failed")
            #expect(hook?["message"] == "Terminated")
            try await eventually("the hook Job deleted") { (try? await client.get(TestResources.jobs, namespace: "stuck", name: "migrate")) == nil }
            let settings = try? await client.get(TestResources.configMaps, namespace: "stuck", name: "settings")
            #expect(settings == nil, "the Sync phase ran although the sync was terminated in PreSync")
            #expect(throws: OperationRequestError.self) { _ = try OperationRequest.terminate(ended) }
        }
    }

    @Test("a second app wanting a resource another app manages gets SharedResourceWarning, and with FailOnSharedResource its sync fails without taking it")
    func sharedResource() async throws {
        try await RunningCluster.withController(repositoryFiles: Self.settings("blue")) { client, repository in
            var first = try application("first", repository: repository, path: "web", automated: true)
            first[path: "spec", "destination", "namespace"] = "shared"
            _ = try await client.create(first)
            try await client.waitForApplication("first", health: "Healthy")
            var second = try application("second", repository: repository, path: "web", automated: true)
            second[path: "spec", "destination", "namespace"] = "shared"
            second[path: "spec", "syncPolicy", "syncOptions"] = ["FailOnSharedResource=true"]
            _ = try await client.create(second)
            try await eventually("the second sync failed", detail: { await client.describeApplication("second") }) {
                await client.application("second")?[path: "status", "operationState", "phase"] == "Failed"
            }
            let app = try #require(await client.application("second"))
            let message = app[path: "status", "operationState", "message"]?.stringValue ?? ""
            #expect(message.contains("Shared resource found: ConfigMap/settings is already managed by application first"), "\(message)")
            let warning = app[path: "status", "conditions"]?.arrayValue?.first { $0["type"] == "SharedResourceWarning" }
            #expect(warning?["message"] == "ConfigMap/settings is part of applications argocd/second and first")
            let live = try await client.get(TestResources.configMaps, namespace: "shared", name: "settings")
            #expect(live.annotation("argocd.argoproj.io/tracking-id")?.hasPrefix("first:") == true, "the second app took over the resource")
        }
    }
}
