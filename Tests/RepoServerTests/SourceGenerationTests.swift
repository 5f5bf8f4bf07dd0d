import ClusterTestSupport
import Foundation
import KubeModel
import RepoServer
import Testing

/// Each source type renders what the reference tool renders for the same input.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git"), "git is needed for the repository tests"))
struct SourceGenerationTests {
    let root: URL
    let repository: AppRepository
    let service: RepoService

    init() async throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-sources-\(UUID().uuidString)")
        repository = try await AppRepository(in: root)
        service = try RepoService(configuration: RepoServerConfiguration(cacheDirectory: root.appendingPathComponent("cache")))
    }

    private func source(_ path: String, _ extra: JSONValue = .emptyObject) throws -> ApplicationSource {
        var raw: JSONValue = ["repoURL": .string(repository.url), "path": .string(path), "targetRevision": "main"]
        for (key, value) in extra.objectValue ?? [:] { raw[key] = value }
        return try ApplicationSource(raw)
    }

    @Test("plain files: YAML streams, List kinds, JSON, recursion and include/exclude globs read as PyYAML reads them")
    func directory() async throws {
        try repository.write([
            "app/a.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  count: \"1\"\n---\n# only a comment\n---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: s\n  spec:\n    ports:\n    - port: 80\n",
            "app/b.json": "{\"apiVersion\": \"v1\", \"kind\": \"Secret\", \"metadata\": {\"name\": \"b\"}, \"stringData\": {\"k\": \"v\"}}",
            "app/sub/c.yml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: c\nspec:\n  replicas: 2\n",
            "app/sub/skip-me.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: skipped\n",
            "app/README.md": "# not a manifest\n",
        ])
        try await repository.commit()
        let flat = try await service.generate(ManifestRequest(source: try source("app"), appName: "plain"))
        let expectedFlat = try await Reference.plainFiles(["app/a.yaml", "app/b.json"].map { repository.directory.appendingPathComponent($0) })
        #expect(flat.sourceType == .directory)
        #expect(flat.objects == expectedFlat, "objects in file order, as upstream walks the directory")
        let recursive = try await service.generate(
            ManifestRequest(source: try source("app", ["directory": ["recurse": true, "exclude": "{sub/skip-*,*.json}"]]), appName: "plain"))
        let expectedRecursive = try await Reference.plainFiles(["app/a.yaml", "app/sub/c.yml"].map { repository.directory.appendingPathComponent($0) })
        #expect(recursive.objects == expectedRecursive)
        let included = try await service.generate(
            ManifestRequest(source: try source("app", ["directory": ["recurse": true, "include": "*.json"]]), appName: "plain"))
        #expect(included.objects.map { $0[path: ["metadata", "name"]]?.stringValue } == ["b"])
    }

    @Test("Kustomize: the same objects as kubectl kustomize, with and without the Application's overrides",
          .enabled(if: Reference.hasKubectl, "kubectl is needed as the Kustomize reference"))
    func kustomize() async throws {
        let base = """
            resources:
            - deployment.yaml
            - service.yaml
            commonLabels:
              tier: web
            """
        let deployment = """
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
                    image: nginx:1.25
            """
        let service = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports:\n  - port: 80\n"
        try repository.write([
            "base/kustomization.yaml": base, "base/deployment.yaml": deployment, "base/service.yaml": service,
            "overlays/prod/kustomization.yaml": "resources:\n- ../../base\nnamePrefix: prod-\n",
        ])
        try await repository.commit()
        let plain = try await self.service.generate(ManifestRequest(source: try source("overlays/prod"), appName: "web"))
        #expect(plain.sourceType == .kustomize)
        let expected = try Reference.objects(try await Reference.run("kubectl", ["kustomize", repository.directory.appendingPathComponent("overlays/prod").path]))
        #expect(Reference.sameObjects(plain.objects, expected))

        let overrides: JSONValue = [
            "kustomize": [
                "namePrefix": "staging-", "nameSuffix": "-v2", "namespace": "staging", "images": ["nginx=registry.local/nginx:1.27"],
                "commonLabels": ["team": "blue"], "commonAnnotations": ["owner": "ops"], "replicas": [["name": "web", "count": 3]],
            ]
        ]
        let overridden = try await self.service.generate(ManifestRequest(source: try source("overlays/prod", overrides), appName: "web"))
        // The reference: the same edits written into the kustomization by hand, built by kubectl.
        let edited = root.appendingPathComponent("edited")
        try FileManager.default.copyItem(at: repository.directory, to: edited)
        try """
            resources:
            - ../../base
            namePrefix: staging-
            nameSuffix: -v2
            namespace: staging
            images:
            - name: nginx
              newName: registry.local/nginx
              newTag: "1.27"
            commonLabels:
              team: blue
            commonAnnotations:
              owner: ops
            replicas:
            - name: web
              count: 3
            """.write(to: edited.appendingPathComponent("overlays/prod/kustomization.yaml"), atomically: true, encoding: .utf8)
        let expectedOverridden = try Reference.objects(try await Reference.run("kubectl", ["kustomize", edited.appendingPathComponent("overlays/prod").path]))
        #expect(Reference.sameObjects(overridden.objects, expectedOverridden))
        #expect(overridden.objects.contains { $0[path: ["metadata", "name"]]?.stringValue == "staging-web-v2" })
        // The checkout the repo server shares between applications was not edited.
        let again = try await self.service.generate(ManifestRequest(source: try source("overlays/prod"), appName: "web", bypassCache: true))
        #expect(Reference.sameObjects(again.objects, expected))
    }

    @Test("Helm from Git: value files, values, valuesObject and parameters render as Helm renders the merged values",
          .enabled(if: Reference.hasPython, "helm-python-sdk (.venv) is needed as the Helm reference"))
    func helm() async throws {
        let chart = Reference.repository.deletingLastPathComponent().appendingPathComponent("shared/testdata/helm-charts/prometheus-pushgateway")
        try repository.copy(chart, to: "charts/pushgateway")
        try repository.write([
            "charts/pushgateway/values-prod.yaml": "replicaCount: 2\npodLabels:\n  env: prod\n",
            "envs/common.yaml": "serviceAnnotations:\n  team: blue\n",
        ])
        try await repository.commit()
        let source = try source("charts/pushgateway", [
            "helm": [
                "releaseName": "metrics", "valueFiles": ["values-prod.yaml", "../../envs/common.yaml"],
                "valuesObject": ["podAnnotations": ["scrape": "yes"]],
                "parameters": [["name": "image.tag", "value": "v1.9.0"], ["name": "podLabels.build", "value": "42", "forceString": true]],
            ]
        ])
        let response = try await service.generate(ManifestRequest(source: source, appName: "pushgateway", namespace: "monitoring"))
        #expect(response.sourceType == .helm)
        let merged: JSONValue = [
            "replicaCount": 2, "podLabels": ["env": "prod", "build": "42"], "serviceAnnotations": ["team": "blue"],
            "podAnnotations": ["scrape": "yes"], "image": ["tag": "v1.9.0"],
        ]
        let expected = try await Reference.helm(chart: repository.directory.appendingPathComponent("charts/pushgateway"), values: merged, name: "metrics", namespace: "monitoring")
        #expect(!expected.isEmpty)
        #expect(Reference.sameObjects(response.objects, expected))
        let deployment = response.objects.first { $0["kind"]?.stringValue == "Deployment" }
        #expect(deployment?[path: ["spec", "replicas"]] == 2)
    }

    @Test("jsonnet: the same objects as the jsonnet command with the external variables and top-level arguments",
          .enabled(if: Reference.hasJsonnet, "the jsonnet command is needed"))
    func jsonnet() async throws {
        try repository.write([
            "lib/labels.libsonnet": "{ labels(team):: { team: team } }\n",
            "jsonnet-app/main.jsonnet": """
                local labels = import 'labels.libsonnet';
                function(replicas=1) [
                  {
                    apiVersion: 'v1', kind: 'ConfigMap',
                    metadata: { name: std.extVar('name'), labels: labels.labels(std.extVar('team')) },
                    data: { replicas: std.toString(replicas), debug: std.toString(std.extVar('debug')) },
                  },
                ]
                """,
        ])
        try await repository.commit()
        let source = try source("jsonnet-app", [
            "directory": [
                "jsonnet": [
                    "extVars": [["name": "name", "value": "settings"], ["name": "team", "value": "blue"], ["name": "debug", "value": "true", "code": true]],
                    "tlas": [["name": "replicas", "value": "3", "code": true]], "libs": ["lib"],
                ]
            ]
        ])
        let response = try await service.generate(ManifestRequest(source: source, appName: "settings"))
        let expected = try Reference.objects(try await Reference.run("jsonnet", [
            "-J", repository.directory.appendingPathComponent("lib").path, "--ext-str", "name=settings", "--ext-str", "team=blue", "--ext-code", "debug=true",
            "--tla-code", "replicas=3", repository.directory.appendingPathComponent("jsonnet-app/main.jsonnet").path,
        ]))
        #expect(response.objects == expected)
        #expect(response.objects.first?[path: ["data", "replicas"]] == "3")
    }

    @Test("multiple sources: a chart's value file comes from another repository through $ref",
          .enabled(if: Reference.hasPython, "helm-python-sdk (.venv) is needed as the Helm reference"))
    func referencedValueFiles() async throws {
        let chart = Reference.repository.deletingLastPathComponent().appendingPathComponent("shared/testdata/helm-charts/prometheus-pushgateway")
        try repository.copy(chart, to: "pushgateway")
        try await repository.commit()
        let values = try await AppRepository(in: root, name: "values")
        try values.write(["prod/values.yaml": "replicaCount: 4\n"])
        try await values.commit()
        let chartSource = try source("pushgateway", ["helm": ["valueFiles": ["$config/prod/values.yaml"]]])
        let valuesSource = try ApplicationSource(["repoURL": .string(values.url), "targetRevision": "main", "ref": "config"])
        let response = try await service.generate(ManifestRequest(source: chartSource, appName: "gw", namespace: "default", otherSources: [valuesSource]))
        let expected = try await Reference.helm(chart: repository.directory.appendingPathComponent("pushgateway"), values: ["replicaCount": 4], name: "gw", namespace: "default")
        #expect(Reference.sameObjects(response.objects, expected))

        // A change to the referenced value file is seen even though the chart's repository did not change.
        try values.write(["prod/values.yaml": "replicaCount: 5\n"])
        try await values.commit()
        await service.forgetRevisions()
        let changed = try await service.generate(ManifestRequest(source: chartSource, appName: "gw", namespace: "default", otherSources: [valuesSource]))
        #expect(changed.origin == .generated)
        #expect(changed.objects.first { $0["kind"]?.stringValue == "Deployment" }?[path: ["spec", "replicas"]] == 5)
    }
}
