import AppController
import ClusterTestSupport
import Foundation
import KubeClient
import KubeModel
import Testing

/// Issue 7's end-to-end acceptance of what an Application deploys: Helm, Kustomize and directory
/// sources, sync waves and hooks, app of apps, a sync that fails before applying anything, and bad
/// input that stays with its own Application. Each test runs its own cluster and controller against
/// a real Git repository served over file://.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git"), "git is needed"), .timeLimit(.minutes(3)))
struct ApplicationSourceTests {
    typealias Resources = TestResources

    // MARK: - Helm

    static let chart: [String: String] = [
        "chart/Chart.yaml": """
            apiVersion: v2
            name: greeter
            version: 0.1.0
            appVersion: "1.0"
            """,
        "chart/values.yaml": """
            replicaCount: 1
            greeting: hello
            color: blue
            image:
              repository: registry.local/greeter
              tag: "1.0"
            """,
        "chart/values-production.yaml": """
            greeting: hello from production
            """,
        "chart/templates/configmap.yaml": """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: {{ .Release.Name }}-config
              labels:
                app.kubernetes.io/name: {{ .Chart.Name }}
            data:
              greeting: {{ .Values.greeting | quote }}
              color: {{ .Values.color | quote }}
              namespace: {{ .Release.Namespace | quote }}
            """,
        "chart/templates/deployment.yaml": """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {{ .Release.Name }}-web
            spec:
              replicas: {{ .Values.replicaCount }}
              selector:
                matchLabels: {app: {{ .Release.Name }}-web}
              template:
                metadata:
                  labels: {app: {{ .Release.Name }}-web}
                spec:
                  containers:
                  - name: web
                    image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
            """,
    ]

    @Test("a Helm chart renders with the Application's value files, values and parameters, and syncs Healthy")
    func helm() async throws {
        try await RunningCluster.withController(repositoryFiles: Self.chart) { client, repository in
            // Precedence as upstream: value files, then valuesObject, then parameters.
            let app = ApplicationManifest(
                name: "greeter", repoURL: repository.url, path: "chart",
                sourceOptions: """
                    helm:
                      valueFiles: [values-production.yaml]
                      valuesObject: {color: green, replicaCount: 2, image: {tag: "1.5"}}
                      parameters:
                      - {name: image.tag, value: "2.0"}
                    """)
            _ = try await client.create(try app.object())
            try await client.waitForApplication("greeter", health: "Healthy")

            // The release is named after the Application, as upstream names it.
            let config = try await client.get(Resources.configMaps, namespace: "greeter", name: "greeter-config")
            #expect(config[path: "data", "greeting"] == "hello from production")
            #expect(config[path: "data", "color"] == "green")
            #expect(config[path: "data", "namespace"] == "greeter")
            #expect(config.label("app.kubernetes.io/name") == "greeter")
            let deployment = try await client.get(Resources.deployments, namespace: "greeter", name: "greeter-web")
            #expect(deployment[path: "spec", "replicas"]?.int64Value == 2)
            #expect(deployment[path: "spec", "template", "spec", "containers"]?.arrayValue?.first?["image"] == "registry.local/greeter:2.0")
            #expect(await client.application("greeter")?[path: "status", "sourceType"] == "Helm")
        }
    }

    // MARK: - Kustomize

    static let kustomization: [String: String] = [
        "kustomize/base/kustomization.yaml": """
            resources: [deployment.yaml]
            configMapGenerator:
            - name: settings
              literals: [mode=base, region=eu]
            """,
        "kustomize/base/deployment.yaml": """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 1
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                  - name: web
                    image: registry.local/web:1.0
            """,
        "kustomize/overlays/production/kustomization.yaml": """
            resources: [../../base]
            namePrefix: production-
            labels:
            - pairs: {tier: backend}
            configMapGenerator:
            - name: settings
              behavior: merge
              literals: [mode=production]
            """,
    ]

    @Test("a Kustomize overlay builds with the Application's image and label overrides, and syncs Healthy")
    func kustomize() async throws {
        try await RunningCluster.withController(repositoryFiles: Self.kustomization) { client, repository in
            let app = ApplicationManifest(
                name: "shop", repoURL: repository.url, path: "kustomize/overlays/production",
                sourceOptions: """
                    kustomize:
                      images: ["registry.local/web:2.0"]
                      commonLabels: {team: payments}
                    """)
            _ = try await client.create(try app.object())
            try await client.waitForApplication("shop", health: "Healthy")

            let deployment = try await client.get(Resources.deployments, namespace: "shop", name: "production-web")
            #expect(deployment.label("tier") == "backend")
            #expect(deployment.label("team") == "payments")
            #expect(deployment[path: "spec", "template", "spec", "containers"]?.arrayValue?.first?["image"] == "registry.local/web:2.0")
            #expect(await !client.exists(Resources.deployments, namespace: "shop", name: "web"))
            // The generated ConfigMap is named with the prefix and kustomize's content hash.
            let generated = try await client.list(Resources.configMaps, namespace: "shop").items.filter { $0.name.hasPrefix("production-settings-") }
            #expect(generated.count == 1)
            #expect(generated.first?[path: "data", "mode"] == "production")
            #expect(generated.first?[path: "data", "region"] == "eu")
            #expect(generated.first?.label("team") == "payments")
            #expect(await client.application("shop")?[path: "status", "sourceType"] == "Kustomize")
        }
    }

    // MARK: - Directory

    static func configMap(_ name: String) -> String {
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \(name)\ndata:\n  from: git\n"
    }

    static let tree: [String: String] = [
        "tree/top.yaml": configMap("top"),
        "tree/apps/included.yaml": configMap("nested-included"),
        "tree/apps/deep/also.yaml": configMap("deep-included"),
        "tree/apps/skipped.yaml": configMap("nested-excluded"),
        "tree/other/elsewhere.yaml": configMap("not-matching"),
        // Not a manifest: never read, whatever the globs say.
        "tree/apps/README.md": "# not a manifest\n",
    ]

    /// The names of the resources an Application reports.
    private func resourceNames(_ client: KubeClient, _ app: String) async -> Set<String> {
        let resources = await client.application(app)?[path: "status", "resources"]?.arrayValue ?? []
        return Set(resources.compactMap { $0["name"]?.stringValue })
    }

    @Test("a directory app deploys nested files only with recurse, and only those include lets through and exclude does not stop")
    func directory() async throws {
        try await RunningCluster.withController(repositoryFiles: Self.tree) { client, repository in
            let filtered = ApplicationManifest(
                name: "filtered", repoURL: repository.url, path: "tree",
                sourceOptions: """
                    directory: {recurse: true, include: "{top.yaml,apps/*}", exclude: "*skipped*"}
                    """)
            let flat = ApplicationManifest(name: "flat", repoURL: repository.url, path: "tree")
            _ = try await client.create(try filtered.object())
            _ = try await client.create(try flat.object())
            try await client.waitForApplication("filtered", health: "Healthy")
            try await client.waitForApplication("flat", health: "Healthy")

            #expect(await resourceNames(client, "filtered") == ["top", "nested-included", "deep-included"])
            for name in ["top", "nested-included", "deep-included"] {
                #expect(await client.exists(Resources.configMaps, namespace: "filtered", name: name), "\(name) is not deployed")
            }
            for name in ["nested-excluded", "not-matching"] {
                #expect(await !client.exists(Resources.configMaps, namespace: "filtered", name: name), "\(name) is deployed")
            }
            // Without recurse only the top directory counts.
            #expect(await resourceNames(client, "flat") == ["top"])
            #expect(await client.application("filtered")?[path: "status", "sourceType"] == "Directory")
        }
    }

    // MARK: - Waves and hooks

    static func hookJob(_ name: String, _ hook: String, deletePolicy: String? = nil) -> String {
        """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: \(name)
          annotations:
            argocd.argoproj.io/hook: \(hook)
        \(deletePolicy.map { "    argocd.argoproj.io/hook-delete-policy: \($0)" } ?? "")
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: \(name)
                image: registry.local/\(name):1.0
        """
    }

    static func wave(_ name: String, _ wave: Int) -> String {
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: \(name)
          annotations:
            argocd.argoproj.io/sync-wave: "\(wave)"
        data:
          wave: "\(wave)"
        """
    }

    static let waves: [String: String] = [
        "waves/migrate.yaml": hookJob("migrate", "PreSync", deletePolicy: "BeforeHookCreation"),
        "waves/early.yaml": wave("early", -1),
        "waves/middle.yaml": wave("middle", 0),
        "waves/late.yaml": wave("late", 1),
        "waves/notify.yaml": hookJob("notify", "PostSync"),
    ]

    @Test("a sync runs the PreSync hook, then the waves in order, then the PostSync hook, as the cluster sees the creations")
    func wavesAndHooks() async throws {
        try await RunningCluster.withController(repositoryFiles: Self.waves) { client, repository in
            let expected = ["Job/migrate", "ConfigMap/early", "ConfigMap/middle", "ConfigMap/late", "Job/notify"]
            // The watches open before the Application exists, so that every creation is seen.
            let order = try await CreationOrder.recording([Resources.configMaps, Resources.jobs], in: "waves", client: client) { order in
                _ = try await client.create(try ApplicationManifest(name: "waves", repoURL: repository.url, path: "waves").object())
                try await eventually("the sync Succeeded", detail: { await client.describeApplication("waves") }) {
                    await client.application("waves")?[path: "status", "operationState", "phase"] == "Succeeded"
                }
                try await eventually("every creation seen", detail: { "seen: \(await order.objects)" }) {
                    await Set(order.objects).isSuperset(of: expected)
                }
                return await order.objects.filter(expected.contains)
            }
            #expect(order == expected)

            let app = try #require(await client.application("waves"))
            let results = app[path: "status", "operationState", "syncResult", "resources"]?.arrayValue ?? []
            let hooks = results.filter { $0["hookType"] != nil }.map { result in
                ["hookType", "kind", "name", "hookPhase"].map { result[$0]?.stringValue ?? "-" }.joined(separator: " ")
            }
            #expect(Set(hooks) == ["PreSync Job migrate Succeeded", "PostSync Job notify Succeeded"])
            // Hooks are not resources of the app: once they finished it compares Synced.
            try await client.waitForApplication("waves", health: "Healthy")
        }
    }

    // MARK: - App of apps

    static let failingDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 1
          progressDeadlineSeconds: 2
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: web
                image: registry.local/crashloop:1.0
        """

    static func appOfApps(repository: String) -> [String: String] {
        [
            "children/config.yaml": ApplicationManifest(name: "child-config", repoURL: repository, path: "apps/config").yaml,
            "children/web.yaml": ApplicationManifest(name: "child-web", repoURL: repository, path: "apps/web").yaml,
            "apps/config/settings.yaml": configMap("settings"),
            "apps/web/deployment.yaml": failingDeployment.replacingOccurrences(of: "crashloop", with: "web")
                .replacingOccurrences(of: "  progressDeadlineSeconds: 2\n", with: ""),
        ]
    }

    @Test("an app of apps creates its child Applications, is Healthy while they are, and Degraded once one of them is")
    func appOfApps() async throws {
        try await RunningCluster.withController(repositoryFiles: [:]) { client, repository in
            // The children's manifests name the repository, whose path is known only now.
            try repository.write(Self.appOfApps(repository: repository.url))
            try await repository.commit("app of apps")
            let parent = ApplicationManifest(name: "root", repoURL: repository.url, path: "children", namespace: RunningCluster.argoNamespace)
            _ = try await client.create(try parent.object())
            for name in ["child-config", "child-web", "root"] { try await client.waitForApplication(name, health: "Healthy") }
            #expect(await client.exists(Resources.configMaps, namespace: "child-config", name: "settings"))
            #expect(await client.exists(Resources.deployments, namespace: "child-web", name: "web"))

            // Break the web child in Git and ask for a refresh, as `argocd app get --refresh` does.
            try repository.write(["apps/web/deployment.yaml": Self.failingDeployment])
            try await repository.commit("crash")
            _ = try await client.patch(
                Resources.applications, namespace: RunningCluster.argoNamespace, name: "child-web", type: .merge,
                ["metadata": ["annotations": ["argocd.argoproj.io/refresh": "normal"]]])
            try await client.waitForApplication("child-web", sync: nil, health: "Degraded")
            try await client.waitForApplication("root", sync: nil, health: "Degraded")
            let root = try #require(await client.application("root"))
            let child = root[path: "status", "resources"]?.arrayValue?.first { $0["name"] == "child-web" }
            #expect(child?[path: ["health", "status"]] == "Degraded")
            #expect(await client.applicationStatus("child-config") == "Synced/Healthy")
        }
    }

    // MARK: - Failure before apply

    static let invalid: [String: String] = [
        "invalid/a.yaml": configMap("a"),
        // The API server refuses label values with spaces or punctuation (422 Invalid).
        "invalid/broken.yaml": """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: broken-config
              labels: {tier: "not a valid label!"}
            data:
              key: value
            """,
    ]

    @Test("a sync with an invalid manifest fails in the dry run, naming the object, and applies nothing")
    func invalidManifest() async throws {
        try await RunningCluster.withController(repositoryFiles: Self.invalid) { client, repository in
            _ = try await client.create(try ApplicationManifest(name: "invalid", repoURL: repository.url, path: "invalid").object())
            try await eventually("the sync finished", detail: { await client.describeApplication("invalid") }) {
                let phase = await client.application("invalid")?[path: "status", "operationState", "phase"]?.stringValue
                return phase == "Failed" || phase == "Error" || phase == "Succeeded"
            }
            let state = try #require(await client.application("invalid")?[path: "status", "operationState"])
            #expect(state["phase"] == "Failed")
            let message = state["message"]?.stringValue ?? ""
            #expect(message.contains("ConfigMap") && message.contains("broken-config"), "message: \(message)")
            // The bad resource is listed with the server's reason, as `argocd app get` shows it.
            let results = state[path: ["syncResult", "resources"]]?.arrayValue ?? []
            let broken = results.first { $0["name"] == "broken-config" }
            #expect(broken?["status"] == "SyncFailed" && (broken?["message"]?.stringValue ?? "").contains("metadata.labels"), "\(results)")
            #expect(!results.contains { $0["name"] == "a" && $0["status"] == "Synced" })
            // The valid ConfigMap sorts first; only a dry run of everything keeps it from being applied.
            #expect(await !client.exists(Resources.configMaps, namespace: "invalid", name: "a"))
            #expect(await client.applicationStatus("invalid").hasPrefix("OutOfSync/"))
        }
    }

    // MARK: - Bad input

    /// The condition of `type` on the Application `name`, if any.
    private func condition(_ client: KubeClient, _ name: String, _ type: String) async -> String? {
        let conditions = await client.application(name)?[path: "status", "conditions"]?.arrayValue ?? []
        return conditions.first { $0["type"]?.stringValue == type }?["message"]?.stringValue
    }

    @Test("a missing project, repository or destination cluster is a condition on that Application alone")
    func badInput() async throws {
        try await RunningCluster.withController(repositoryFiles: ["settings/cm.yaml": Self.configMap("settings")]) { client, repository in
            let missingRepository = "file:///tmp/wharf-missing-\(UUID().uuidString)/apps"
            var noProject = ApplicationManifest(name: "no-project", repoURL: repository.url, path: "settings")
            noProject.project = "foo-project"
            let noRepository = ApplicationManifest(name: "no-repository", repoURL: missingRepository, path: "settings")
            var noCluster = ApplicationManifest(name: "no-cluster", repoURL: repository.url, path: "settings")
            noCluster.server = "https://nowhere.example:6443"
            let healthy = ApplicationManifest(name: "healthy", repoURL: repository.url, path: "settings")
            for app in [noProject, noRepository, noCluster, healthy] { _ = try await client.create(try app.object()) }

            try await client.waitForApplication("healthy", health: "Healthy")
            try await eventually(
                "a condition on each bad app",
                detail: {
                    var states: [String] = []
                    for name in ["no-project", "no-repository", "no-cluster"] { states.append(await client.describeApplication(name)) }
                    return states.joined(separator: "; ")
                }
            ) {
                let project = await condition(client, "no-project", "InvalidSpecError")
                let repo = await condition(client, "no-repository", "ComparisonError")
                let cluster = await condition(client, "no-cluster", "InvalidSpecError")
                return project != nil && repo != nil && cluster != nil
            }
            #expect(await condition(client, "no-project", "InvalidSpecError") == "Application referencing project foo-project which does not exist")
            let repositoryProblem = await condition(client, "no-repository", "ComparisonError") ?? ""
            #expect(repositoryProblem.contains(missingRepository), "message: \(repositoryProblem)")
            let clusterProblem = await condition(client, "no-cluster", "InvalidSpecError") ?? ""
            #expect(clusterProblem.contains("has not been configured"), "message: \(clusterProblem)")
            // Nothing of the bad apps reached the cluster.
            for name in ["no-project", "no-repository", "no-cluster"] {
                #expect(await !client.exists(Resources.configMaps, namespace: name, name: "settings"), "\(name) deployed its ConfigMap")
            }
            #expect(await client.application("healthy")?[path: "status", "conditions"] == nil)
        }
    }
}
