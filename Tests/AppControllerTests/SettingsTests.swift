import AppController
import ClusterTestSupport
import Foundation
import KubeClient
import KubeModel
import SyncEngine
import Testing

/// What `argocd-cm` and the diff-related sync options change for a user: system-wide ignored
/// differences, `RespectIgnoreDifferences=true`, and label-based resource tracking.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git"), "git is needed"), .timeLimit(.minutes(3)))
struct SettingsTests {
    private func application(_ name: String, repository: AppRepository, extra: String = "") throws -> KubeObject {
        try KubeObject(YAMLReader.read("""
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata: {name: \(name), namespace: argocd}
            spec:
              project: default
              source: {repoURL: "\(repository.url)", path: settings, targetRevision: main}
              destination: {server: "https://kubernetes.default.svc", namespace: \(name)}
              syncPolicy:
                automated: {prune: true, selfHeal: true}
                syncOptions: [CreateNamespace=true\(extra.isEmpty ? "" : ", " + extra)]
            """))
    }

    private static func settings(size: String, color: String) -> [String: String] {
        ["settings/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  size: \"\(size)\"\n  color: \(color)\n"]
    }

    private func live(_ client: KubeClient, _ namespace: String) async -> KubeObject? {
        try? await client.get(TestResources.configMaps, namespace: namespace, name: "settings")
    }

    @Test("a system-wide ignore rule in argocd-cm keeps an app Synced when only the ignored field drifts, and counts every other field")
    func systemWideIgnore() async throws {
        try await RunningCluster.withController(repositoryFiles: Self.settings(size: "3", color: "blue")) { client, repository in
            var argocdCM = KubeObject(apiVersion: "v1", kind: "ConfigMap", name: ArgoSettings.configMapName, namespace: "argocd")
            argocdCM["data"] = ["resource.customizations.ignoreDifferences.ConfigMap": "jqPathExpressions:\n- .data.size\n"]
            _ = try await client.create(argocdCM)
            var app = try application("ignoring", repository: repository)
            app[path: "spec", "syncPolicy", "automated"] = ["prune": true]
            _ = try await client.create(app)
            try await eventually("the app Synced/Healthy") { await client.applicationStatus("ignoring") == "Synced/Healthy" }

            _ = try await client.patch(TestResources.configMaps, namespace: "ignoring", name: "settings", type: .merge, ["data": ["size": "7"]])
            _ = try await client.patch(
                TestResources.applications, namespace: "argocd", name: "ignoring", type: .merge, ["metadata": ["annotations": ["argocd.argoproj.io/refresh": "normal"]]])
            try await eventually("the refresh done") {
                (try? await client.get(TestResources.applications, namespace: "argocd", name: "ignoring"))?.annotation("argocd.argoproj.io/refresh") == nil
            }
            #expect(await client.applicationStatus("ignoring") == "Synced/Healthy", "a drift of an ignored field made the app OutOfSync")

            _ = try await client.patch(TestResources.configMaps, namespace: "ignoring", name: "settings", type: .merge, ["data": ["color": "red"]])
            try await eventually("the app OutOfSync for a field that counts") { await client.applicationStatus("ignoring").hasPrefix("OutOfSync") }
        }
    }

    @Test("with RespectIgnoreDifferences=true a sync keeps the live value of an ignored field while applying the rest")
    func respectIgnoreDifferences() async throws {
        try await RunningCluster.withController(repositoryFiles: Self.settings(size: "3", color: "blue")) { client, repository in
            var app = try application("respecting", repository: repository, extra: "RespectIgnoreDifferences=true")
            app[path: "spec", "ignoreDifferences"] = [["kind": "ConfigMap", "jsonPointers": ["/data/size"]]]
            _ = try await client.create(app)
            try await eventually("the app Synced/Healthy") { await client.applicationStatus("respecting") == "Synced/Healthy" }
            // Someone scales by hand (an autoscaler would); Git changes something else.
            _ = try await client.patch(TestResources.configMaps, namespace: "respecting", name: "settings", type: .merge, ["data": ["size": "9"]])
            try repository.write(Self.settings(size: "3", color: "green"))
            try await repository.commit("green")
            _ = try await client.patch(
                TestResources.applications, namespace: "argocd", name: "respecting", type: .merge, ["metadata": ["annotations": ["argocd.argoproj.io/refresh": "normal"]]])
            try await eventually("green applied") { await live(client, "respecting")?[path: "data", "color"] == "green" }
            #expect(await live(client, "respecting")?[path: "data", "size"] == "9", "the sync overwrote an ignored field")
        }
    }

    @Test("label tracking from argocd-cm marks resources with the instance label and no tracking annotation")
    func labelTracking() async throws {
        var argocdCM = KubeObject(apiVersion: "v1", kind: "ConfigMap", name: ArgoSettings.configMapName, namespace: "argocd")
        argocdCM["data"] = ["application.resourceTrackingMethod": "label", "application.instanceLabelKey": "example.com/app"]
        let settings = ArgoSettings(configMap: argocdCM)
        #expect(settings.problems.isEmpty)
        try await RunningCluster.withController(repositoryFiles: Self.settings(size: "3", color: "blue"), tracking: settings.tracking) { client, repository in
            _ = try await client.create(try application("labelled", repository: repository))
            try await eventually("the app Synced/Healthy") { await client.applicationStatus("labelled") == "Synced/Healthy" }
            let object = try #require(await live(client, "labelled"))
            #expect(object.label("example.com/app") == "labelled")
            #expect(object.annotation("argocd.argoproj.io/tracking-id") == nil)
        }
        #expect(!ArgoSettings(configMap: {
            var bad = argocdCM
            bad["data"] = ["application.resourceTrackingMethod": "labels"]
            return bad
        }()).problems.isEmpty, "an unknown tracking method must be reported")
    }
}
