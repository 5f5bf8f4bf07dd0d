import AppController
import ClusterTestSupport
import Crypto
import Foundation
import KubeClient
import KubeModel
import LocalCluster
import Projects
import Testing

/// Two teams, two projects, two clusters: each team's applications deploy only where its project
/// allows, forbidden kinds are refused with the reason, sync windows hold automated syncs back, and
/// a project role token speaks only for its own project's applications.
@Suite("Tenancy: projects and clusters", .serialized)
struct TenancyTests {
    static let appProjects = GroupVersionResource(group: "argoproj.io", version: "v1alpha1", resource: "appprojects")
    static let secrets = GroupVersionResource(group: "", version: "v1", resource: "secrets")
    static let clusterRoles = GroupVersionResource(group: "rbac.authorization.k8s.io", version: "v1", resource: "clusterroles")

    static let files: [String: String] = [
        "team-a/settings.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: team-a-settings\ndata:\n  owner: team-a\n",
        "team-b/settings.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: team-b-settings\ndata:\n  owner: team-b\n",
        "admin/role.yaml": """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: team-a-admin
            rules: []
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: team-a-admin-notes
            data: {}
            """,
    ]

    private func project(_ name: String, repo: String, destinations: JSONValue, windows: JSONValue = [], roles: JSONValue = []) throws -> KubeObject {
        try KubeObject([
            "apiVersion": "argoproj.io/v1alpha1", "kind": "AppProject", "metadata": ["name": .string(name), "namespace": "argocd"],
            "spec": ["sourceRepos": [.string(repo)], "destinations": destinations, "syncWindows": windows, "roles": roles],
        ])
    }

    private func application(
        _ name: String, project: String, repo: String, path: String, server: String? = nil, clusterName: String? = nil, namespace: String, automated: Bool = true
    ) throws -> KubeObject {
        var app = try ApplicationManifest(name: name, repoURL: repo, path: path, project: project, namespace: namespace).object()
        app[path: "spec", "destination"] = ["namespace": .string(namespace)]
        if let server { app[path: "spec", "destination", "server"] = .string(server) }
        if let clusterName { app[path: "spec", "destination", "name"] = .string(clusterName) }
        if !automated { app[path: "spec", "syncPolicy", "automated"] = nil }
        return app
    }

    private func requestSync(_ client: KubeClient, _ name: String) async throws {
        _ = try await client.patch(
            TestResources.applications, namespace: "argocd", name: name, type: .merge,
            ["operation": ["sync": ["revision": "main"], "initiatedBy": ["username": "tester"]]])
    }

    private func operationPhase(_ client: KubeClient, _ name: String) async -> (String, String) {
        let state = await client.application(name)?[path: "status", "operationState"]
        return (state?["phase"]?.stringValue ?? "", state?["message"]?.stringValue ?? "")
    }

    @Test("each team deploys only where its project allows, on the right cluster; forbidden kinds and windows hold")
    func tenancy() async throws {
        try await RunningCluster.with { remote in
            let remoteClient = try remote.client()
            try await RunningCluster.withController(repositoryFiles: Self.files) { client, repository in
                _ = try await client.create(try ClusterSecretManifest.make(name: "remote", kubeconfig: remote.endpoint.kubeconfigPath))
                let inCluster = ClusterSecret.inClusterServer
                let alwaysDenied: JSONValue = [["kind": "deny", "schedule": "* * * * *", "duration": "1h", "applications": ["*-frozen"]]]
                let manualAllowed: JSONValue = [["kind": "deny", "schedule": "* * * * *", "duration": "1h", "applications": ["*-frozen"], "manualSync": true]]
                _ = try await client.create(try project(
                    "team-a", repo: repository.url, destinations: [["server": .string(inCluster), "namespace": "team-a*"]], windows: alwaysDenied,
                    roles: [["name": "deployer", "policies": ["p, proj:team-a:deployer, applications, sync, team-a/*, allow"]]]))
                _ = try await client.create(try project(
                    "team-b", repo: repository.url, destinations: [["name": "remote", "namespace": "team-b*"]], windows: manualAllowed))

                _ = try await client.create(try application("team-a-web", project: "team-a", repo: repository.url, path: "team-a", server: inCluster, namespace: "team-a"))
                _ = try await client.create(try application("team-b-web", project: "team-b", repo: repository.url, path: "team-b", clusterName: "remote", namespace: "team-b"))
                _ = try await client.create(try application("team-a-escape", project: "team-a", repo: repository.url, path: "team-a", clusterName: "remote", namespace: "team-a"))
                _ = try await client.create(try application("team-a-admin", project: "team-a", repo: repository.url, path: "admin", server: inCluster, namespace: "team-a-admin", automated: false))
                _ = try await client.create(try application("team-a-frozen", project: "team-a", repo: repository.url, path: "team-a", server: inCluster, namespace: "team-a-frozen"))
                _ = try await client.create(try application("team-b-frozen", project: "team-b", repo: repository.url, path: "team-b", clusterName: "remote", namespace: "team-b-frozen"))

                // Team A's app lands on the control cluster, team B's on the remote one only.
                try await client.waitForApplication("team-a-web", health: "Healthy")
                try await client.waitForApplication("team-b-web", health: "Healthy")
                #expect(await client.exists(TestResources.configMaps, namespace: "team-a", name: "team-a-settings"))
                #expect(await remoteClient.exists(TestResources.configMaps, namespace: "team-b", name: "team-b-settings"))
                #expect(!(await client.exists(TestResources.configMaps, namespace: "team-b", name: "team-b-settings")))

                // A destination outside the project: a clear condition, never synced.
                try await eventually("team-a-escape refused", detail: { await client.describeApplication("team-a-escape") }) {
                    let conditions = await client.application("team-a-escape")?[path: "status", "conditions"]?.arrayValue ?? []
                    return conditions.contains {
                        $0["type"] == "InvalidSpecError"
                            && $0["message"]?.stringValue?.contains("do not match any of the allowed destinations in project 'team-a'") == true
                    }
                }
                #expect(!(await remoteClient.exists(TestResources.configMaps, namespace: "team-a", name: "team-a-settings")))

                // A kind the project forbids: the sync is refused with the reason, nothing applied.
                try await requestSync(client, "team-a-admin")
                try await eventually("team-a-admin's sync refused", detail: { await client.describeApplication("team-a-admin") }) {
                    await operationPhase(client, "team-a-admin").0 == "Failed"
                }
                #expect(await operationPhase(client, "team-a-admin").1.contains("resource rbac.authorization.k8s.io:ClusterRole is not permitted in project team-a"))
                #expect(!(await client.exists(Self.clusterRoles, namespace: "", name: "team-a-admin")))
                #expect(!(await client.exists(TestResources.configMaps, namespace: "team-a-admin", name: "team-a-admin-notes")))

                // Deny windows: automated syncs wait; a manual sync passes only where the window allows it.
                try await eventually("the frozen apps compared", detail: { await client.describeApplication("team-b-frozen") }) {
                    let a = await client.applicationStatus("team-a-frozen"), b = await client.applicationStatus("team-b-frozen")
                    return a.hasPrefix("OutOfSync/") && b.hasPrefix("OutOfSync/")
                }
                #expect(await client.application("team-a-frozen")?[path: "status", "operationState"] == nil)
                #expect(await client.application("team-b-frozen")?[path: "status", "operationState"] == nil)
                try await requestSync(client, "team-a-frozen")
                try await requestSync(client, "team-b-frozen")
                try await eventually("manual syncs decided", detail: { await client.describeApplication("team-a-frozen") }) {
                    let frozenA = await operationPhase(client, "team-a-frozen").0, frozenB = await operationPhase(client, "team-b-frozen").0
                    return frozenA == "Failed" && frozenB == "Succeeded"
                }
                #expect(await operationPhase(client, "team-a-frozen").1 == "Cannot sync: Blocked by sync window")
                #expect(await remoteClient.exists(TestResources.configMaps, namespace: "team-b-frozen", name: "team-b-settings"))
                #expect(!(await client.exists(TestResources.configMaps, namespace: "team-a-frozen", name: "team-a-settings")))

                // A project role token speaks for its own project's applications only.
                let key = SymmetricKey(size: .bits256)
                let (token, record) = ProjectToken.issue(project: "team-a", role: "deployer", id: "ci", key: key)
                _ = try await client.patch(
                    Self.appProjects, namespace: "argocd", name: "team-a", type: .json,
                    [["op": "add", "path": "/spec/roles/0/jwtTokens", "value": [record.json]]])
                let projects = try await client.list(Self.appProjects, namespace: "argocd").items.map(AppProject.init(object:))
                let claims = try ProjectToken.verify(token, key: key) { name in projects.first { $0.name == name } }
                let teamA = try #require(projects.first { $0.name == claims.project })
                #expect(teamA.roleAllows(claims.role, resource: "applications", action: "sync", object: "team-a/team-a-web"))
                #expect(!teamA.roleAllows(claims.role, resource: "applications", action: "sync", object: "team-b/team-b-web"))
            }
        }
    }

    @Test("a malformed cluster Secret gives its applications a clear condition; other apps are undisturbed")
    func malformedClusterSecret() async throws {
        try await RunningCluster.withController(repositoryFiles: Self.files) { client, repository in
            _ = try await client.create(try KubeObject([
                "apiVersion": "v1", "kind": "Secret",
                "metadata": ["name": "cluster-broken", "namespace": "argocd", "labels": [ClusterSecret.typeLabel: "cluster"]],
                "stringData": ["name": "broken", "server": "https://broken.example.com", "config": "{bearerToken: oops"],
            ]))
            _ = try await client.create(try application("to-broken", project: "default", repo: repository.url, path: "team-a", clusterName: "broken", namespace: "x"))
            _ = try await client.create(try application("fine", project: "default", repo: repository.url, path: "team-a", server: ClusterSecret.inClusterServer, namespace: "fine"))
            try await eventually("to-broken's condition", detail: { await client.describeApplication("to-broken") }) {
                let message = await client.application("to-broken")?[path: "status", "conditions"]?.arrayValue?.first?["message"]?.stringValue ?? ""
                return message.contains("cluster secret cluster-broken: key config is not JSON")
            }
            try await client.waitForApplication("fine", health: "Healthy")
            let message = await client.application("to-broken")?[path: "status", "conditions"]?.arrayValue?.first?["message"]?.stringValue ?? ""
            #expect(!message.contains("oops"))
        }
    }

    @Test("a project asking for orphaned-resource warnings gets them, minus what it ignores")
    func orphanedResources() async throws {
        try await RunningCluster.withController(repositoryFiles: Self.files) { client, repository in
            var watched = try project("watched", repo: repository.url, destinations: [["server": .string(ClusterSecret.inClusterServer), "namespace": "*"]])
            watched[path: "spec", "orphanedResources"] = ["warn": true, "ignore": [["kind": "ConfigMap", "name": "ignored-*"]]]
            _ = try await client.create(watched)
            _ = try await client.create(try application("tidy", project: "watched", repo: repository.url, path: "team-a", server: ClusterSecret.inClusterServer, namespace: "tidy"))
            try await client.waitForApplication("tidy", health: "Healthy")
            for name in ["stray", "ignored-cache"] {
                _ = try await client.create(KubeObject(apiVersion: "v1", kind: "ConfigMap", name: name, namespace: "tidy"))
            }
            _ = try await client.patch(
                TestResources.applications, namespace: "argocd", name: "tidy", type: .merge, ["metadata": ["annotations": ["argocd.argoproj.io/refresh": "normal"]]])
            try await eventually("the orphan warning", detail: { await client.describeApplication("tidy") }) {
                let conditions = await client.application("tidy")?[path: "status", "conditions"]?.arrayValue ?? []
                return conditions.contains { $0["type"] == "OrphanedResourceWarning" && $0["message"] == "Application has 1 orphaned resources" }
            }
        }
    }

    @Test("with impersonation on, a sync to a destination the project names no service account for is refused")
    func impersonationNeedsAServiceAccount() async throws {
        try await RunningCluster.withController(repositoryFiles: Self.files) { client, repository in
            var settings = KubeObject(apiVersion: "v1", kind: "ConfigMap", name: "argocd-cm", namespace: "argocd")
            settings["data"] = ["application.sync.impersonation.enabled": "true"]
            _ = try await client.create(settings)
            var scoped = try project("scoped", repo: repository.url, destinations: [["server": .string(ClusterSecret.inClusterServer), "namespace": "*"]])
            scoped[path: "spec", "destinationServiceAccounts"] = [["server": .string(ClusterSecret.inClusterServer), "namespace": "allowed", "defaultServiceAccount": "deployer"]]
            _ = try await client.create(scoped)
            _ = try await client.create(try application("unmapped", project: "scoped", repo: repository.url, path: "team-a", server: ClusterSecret.inClusterServer, namespace: "elsewhere"))
            try await eventually("the sync refused", detail: { await client.describeApplication("unmapped") }) {
                let state = await client.application("unmapped")?[path: "status", "operationState"]
                return state?["phase"] == "Failed" && state?["message"]?.stringValue?.contains("no matching service account found for destination server") == true
            }
            #expect(!(await client.exists(TestResources.configMaps, namespace: "elsewhere", name: "team-a-settings")))
        }
    }
}
