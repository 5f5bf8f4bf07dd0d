import ApplicationSets
import ClusterTestSupport
import Foundation
import KubeModel
import Testing

/// Generators and templates, through the renderer the controller uses: what Applications an
/// ApplicationSet stands for.
@Suite struct GeneratorTests {
    @Test func listGeneratorRendersFasttemplateParametersWithOptionalSpaces() async throws {
        let scratch = try Fixtures.scratch()
        let applications = try await Fixtures.renderer(in: scratch).applications(
            for: Fixtures.applicationSet(
                """
                apiVersion: argoproj.io/v1alpha1
                kind: ApplicationSet
                metadata: {name: guestbook, uid: u1}
                spec:
                  generators:
                  - list:
                      elements:
                      - {cluster: dev, url: https://1.2.3.4}
                      - {cluster: prod, url: https://5.6.7.8}
                  template:
                    metadata:
                      name: '{{cluster}}-guestbook'
                      labels: {env: '{{ cluster }}'}
                    spec:
                      project: default
                      source: {repoURL: https://example.com/repo.git, path: 'apps/{{cluster}}', targetRevision: HEAD}
                      destination: {server: '{{url}}', namespace: guestbook}
                      info: [{name: keep, value: '{{unknown}} stays'}]
                """))
        #expect(applications.map(\.name) == ["dev-guestbook", "prod-guestbook"])
        let dev = try #require(applications.first)
        #expect(dev.label("env") == "dev")
        #expect(dev[path: "spec", "source", "path"] == "apps/dev")
        #expect(dev[path: "spec", "destination", "server"] == "https://1.2.3.4")
        #expect(dev[path: "spec", "info"]?.arrayValue?.first?["value"] == "{{unknown}} stays")
        #expect(dev.namespace == "argocd")
        #expect(dev.finalizers == ["resources-finalizer.argocd.argoproj.io"])
    }

    @Test func goTemplateUsesSprigAndNestedParameters() async throws {
        let scratch = try Fixtures.scratch()
        let applications = try await Fixtures.renderer(in: scratch).applications(
            for: Fixtures.applicationSet(
                """
                apiVersion: argoproj.io/v1alpha1
                kind: ApplicationSet
                metadata: {name: sprig}
                spec:
                  goTemplate: true
                  syncPolicy: {preserveResourcesOnDeletion: true}
                  generators:
                  - list:
                      elements:
                      - {name: Web_App, replicas: 3, team: {owner: alice}}
                  template:
                    metadata:
                      name: '{{ .name | lower | replace "_" "-" }}'
                      annotations: {owner: '{{ .team.owner | upper }}', replicas: '{{ .replicas }}', normalized: '{{ normalize .name }}'}
                    spec:
                      project: '{{ default "default" .project }}'
                      destination: {server: https://kubernetes.default.svc, namespace: '{{ printf "%s-ns" (.name | lower) }}'}
                """))
        let app = try #require(applications.first)
        #expect(app.name == "web-app")
        #expect(app.annotation("owner") == "ALICE")
        #expect(app.annotation("replicas") == "3")
        #expect(app.annotation("normalized") == "web-app")
        #expect(app[path: "spec", "project"] == "default")
        #expect(app[path: "spec", "destination", "namespace"] == "web_app-ns")
        #expect(app.finalizers.isEmpty, "preserveResourcesOnDeletion leaves the finalizers to the template")
    }

    @Test func missingKeyErrorFailsRenderingAndNamesTheTemplate() async throws {
        let scratch = try Fixtures.scratch()
        let set = try Fixtures.applicationSet(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: ApplicationSet
            metadata: {name: strict}
            spec:
              goTemplate: true
              goTemplateOptions: ["missingkey=error"]
              generators: [{list: {elements: [{cluster: dev}]}}]
              template:
                metadata: {name: '{{.cluster}}-{{.missing}}'}
                spec: {project: default, destination: {server: https://kubernetes.default.svc}}
            """)
        let error = await #expect(throws: ApplicationSetError.self) { try await Fixtures.renderer(in: scratch).applications(for: set) }
        #expect(error?.reason == "RenderTemplateParamsError")
        #expect(error?.message.contains("missing") == true)
        // Without the option the missing key renders as Go's <no value>, which is no valid name.
        var lenient = set
        lenient[path: "spec", "goTemplateOptions"] = nil
        let invalid = await #expect(throws: ApplicationSetError.self) { try await Fixtures.renderer(in: scratch).applications(for: lenient) }
        #expect(invalid?.reason == "ApplicationValidationError")
        #expect(invalid?.message.contains("dev-<no value>") == true)
    }

    @Test func perGeneratorTemplateOverridesTheMainTemplate() async throws {
        let scratch = try Fixtures.scratch()
        let applications = try await Fixtures.renderer(in: scratch).applications(
            for: Fixtures.applicationSet(
                """
                apiVersion: argoproj.io/v1alpha1
                kind: ApplicationSet
                metadata: {name: override}
                spec:
                  generators:
                  - list:
                      elements: [{env: dev}]
                      template:
                        metadata: {}
                        spec: {source: {path: 'override/{{env}}'}}
                  - list:
                      elements: [{env: prod}]
                  template:
                    metadata: {name: 'app-{{env}}'}
                    spec:
                      project: default
                      source: {repoURL: https://example.com/r.git, path: 'base/{{env}}'}
                      destination: {server: https://kubernetes.default.svc}
                """))
        #expect(applications.map { $0[path: "spec", "source", "path"]?.stringValue } == ["override/dev", "base/prod"])
        #expect(applications.first?[path: "spec", "source", "repoURL"] == "https://example.com/r.git")
    }

    @Test func clusterGeneratorReadsSecretsAndAddsTheLocalClusterOnlyWithoutSelector() async throws {
        let scratch = try Fixtures.scratch()
        let secrets = [
            Fixtures.clusterSecret(name: "Prod_East", server: "https://prod.example.com", labels: ["env": "prod"], annotations: ["team": "ops"]),
            Fixtures.clusterSecret(name: "staging", server: "https://staging.example.com", labels: ["env": "staging"]),
        ]
        let renderer = try Fixtures.renderer(in: scratch, clusterSecrets: secrets)
        let all = try await renderer.applications(
            for: Fixtures.applicationSet(
                """
                apiVersion: argoproj.io/v1alpha1
                kind: ApplicationSet
                metadata: {name: clusters}
                spec:
                  generators: [{clusters: {values: {ns: 'guestbook-{{nameNormalized}}'}}}]
                  template:
                    metadata: {name: '{{nameNormalized}}-guestbook', labels: {env: '{{metadata.labels.env}}'}}
                    spec: {project: default, destination: {server: '{{server}}', namespace: '{{values.ns}}'}}
                """))
        #expect(all.map(\.name) == ["in-cluster-guestbook", "prod-east-guestbook", "staging-guestbook"])
        let prod = try #require(all.first { $0.name == "prod-east-guestbook" })
        #expect(prod[path: "spec", "destination", "server"] == "https://prod.example.com")
        #expect(prod[path: "spec", "destination", "namespace"] == "guestbook-prod-east")
        #expect(prod.label("env") == "prod")
        let local = try #require(all.first)
        #expect(local[path: "spec", "destination", "server"] == "https://kubernetes.default.svc")

        let selected = try await renderer.applications(
            for: Fixtures.applicationSet(
                """
                apiVersion: argoproj.io/v1alpha1
                kind: ApplicationSet
                metadata: {name: clusters}
                spec:
                  goTemplate: true
                  generators: [{clusters: {selector: {matchExpressions: [{key: env, operator: In, values: [prod]}]}}}]
                  template:
                    metadata: {name: '{{.nameNormalized}}', annotations: {team: '{{index .metadata.annotations "team"}}'}}
                    spec: {project: default, destination: {server: '{{.server}}'}}
                """))
        #expect(selected.map(\.name) == ["prod-east"])
        #expect(selected.first?.annotation("team") == "ops")
    }

    @Test func matrixCombinesAndLetsTheSecondGeneratorUseTheFirstsParameters() async throws {
        let scratch = try Fixtures.scratch()
        let applications = try await Fixtures.renderer(in: scratch).applications(
            for: Fixtures.applicationSet(
                """
                apiVersion: argoproj.io/v1alpha1
                kind: ApplicationSet
                metadata: {name: matrix}
                spec:
                  generators:
                  - matrix:
                      generators:
                      - list: {elements: [{env: dev}, {env: prod}]}
                      - list: {elements: [{app: web, target: '{{env}}-cluster'}, {app: api, target: '{{env}}-cluster'}]}
                  template:
                    metadata: {name: '{{app}}-{{env}}'}
                    spec: {project: default, destination: {name: '{{target}}'}}
                """))
        #expect(applications.map(\.name) == ["api-dev", "api-prod", "web-dev", "web-prod"])
        #expect(applications.first { $0.name == "web-prod" }?[path: "spec", "destination", "name"] == "prod-cluster")
    }

    @Test func mergeOverridesBaseParameterSetsByMergeKeys() async throws {
        let scratch = try Fixtures.scratch()
        let applications = try await Fixtures.renderer(in: scratch).applications(
            for: Fixtures.applicationSet(
                """
                apiVersion: argoproj.io/v1alpha1
                kind: ApplicationSet
                metadata: {name: merge}
                spec:
                  generators:
                  - merge:
                      mergeKeys: [env]
                      generators:
                      - list: {elements: [{env: dev, replicas: "1"}, {env: prod, replicas: "1"}]}
                      - list: {elements: [{env: prod, replicas: "5"}, {env: qa, replicas: "9"}]}
                  template:
                    metadata: {name: 'app-{{env}}', annotations: {replicas: '{{replicas}}'}}
                    spec: {project: default, destination: {server: https://kubernetes.default.svc}}
                """))
        #expect(applications.map(\.name) == ["app-dev", "app-prod"])
        #expect(applications.map { $0.annotation("replicas") } == ["1", "5"])
    }

    @Test func gitDirectoriesMatchLikePathMatchWithExcludesWinning() async throws {
        let scratch = try Fixtures.scratch()
        let repository = try await AppRepository(in: scratch)
        try repository.write([
            "env/dev/app.yaml": "kind: ConfigMap", "env/prod/app.yaml": "kind: ConfigMap", "env/prod/nested/app.yaml": "kind: ConfigMap",
            "env/skip-me/app.yaml": "kind: ConfigMap", "env/.hidden/app.yaml": "kind: ConfigMap", "env/Web_UI/app.yaml": "kind: ConfigMap",
        ])
        try await repository.commit()
        let renderer = try Fixtures.renderer(in: scratch)
        let flat = try await renderer.applications(
            for: Fixtures.applicationSet(
                """
                apiVersion: argoproj.io/v1alpha1
                kind: ApplicationSet
                metadata: {name: dirs}
                spec:
                  generators:
                  - git:
                      repoURL: \(repository.url)
                      revision: main
                      directories: [{path: 'env/*'}, {path: 'env/skip-*', exclude: true}]
                  template:
                    metadata: {name: '{{path.basenameNormalized}}', annotations: {path: '{{path}}', first: '{{path[0]}}', base: '{{path.basename}}'}}
                    spec: {project: default, destination: {server: https://kubernetes.default.svc}}
                """))
        // `*` stops at `/`, so env/prod/nested is not an Application; hidden directories never are.
        #expect(flat.map(\.name) == ["dev", "prod", "web-ui"])
        #expect(flat.map { $0.annotation("path") } == ["env/dev", "env/prod", "env/Web_UI"])
        #expect(flat.first?.annotation("first") == "env")
        #expect(flat.last?.annotation("base") == "Web_UI")

        let nested = try await renderer.applications(
            for: Fixtures.applicationSet(
                """
                apiVersion: argoproj.io/v1alpha1
                kind: ApplicationSet
                metadata: {name: dirs}
                spec:
                  goTemplate: true
                  generators:
                  - git: {repoURL: '\(repository.url)', revision: HEAD, directories: [{path: 'env/*/*'}]}
                  template:
                    metadata: {name: '{{index .path.segments 1}}-{{.path.basename}}', annotations: {path: '{{.path.path}}'}}
                    spec: {project: default, destination: {server: https://kubernetes.default.svc}}
                """))
        #expect(nested.map(\.name) == ["prod-nested"])
        #expect(nested.first?.annotation("path") == "env/prod/nested")
    }

    @Test func gitFilesFlattenForFasttemplateAndNestForGoTemplate() async throws {
        let scratch = try Fixtures.scratch()
        let repository = try await AppRepository(in: scratch)
        try repository.write([
            "clusters/dev/config.json": #"{"cluster": {"name": "engineering-dev", "address": "https://1.2.3.4"}, "regions": ["eu"]}"#,
            "clusters/prod/config.yaml": "cluster:\n  name: engineering-prod\n  address: https://5.6.7.8\nregions: [us]\n",
            "clusters/prod/other.txt": "not matched",
        ])
        try await repository.commit()
        let renderer = try Fixtures.renderer(in: scratch)
        let flat = try await renderer.applications(
            for: Fixtures.applicationSet(
                """
                apiVersion: argoproj.io/v1alpha1
                kind: ApplicationSet
                metadata: {name: files}
                spec:
                  generators: [{git: {repoURL: '\(repository.url)', revision: main, files: [{path: 'clusters/**/config.*'}]}}]
                  template:
                    metadata: {name: '{{cluster.name}}', annotations: {dir: '{{path}}', file: '{{path.filename}}', region: '{{regions.0}}'}}
                    spec: {project: default, destination: {server: '{{cluster.address}}'}}
                """))
        #expect(flat.map(\.name) == ["engineering-dev", "engineering-prod"])
        #expect(flat.map { $0.annotation("dir") } == ["clusters/dev", "clusters/prod"])
        #expect(flat.map { $0.annotation("file") } == ["config.json", "config.yaml"])
        #expect(flat.map { $0.annotation("region") } == ["eu", "us"])
        #expect(flat.last?[path: "spec", "destination", "server"] == "https://5.6.7.8")

        let nested = try await renderer.applications(
            for: Fixtures.applicationSet(
                """
                apiVersion: argoproj.io/v1alpha1
                kind: ApplicationSet
                metadata: {name: files}
                spec:
                  goTemplate: true
                  generators: [{git: {repoURL: '\(repository.url)', revision: main, files: [{path: 'clusters/*/config.yaml'}]}}]
                  template:
                    metadata: {name: '{{.cluster.name}}', annotations: {regions: '{{join "," .regions}}', base: '{{.path.basename}}'}}
                    spec: {project: default, destination: {server: '{{.cluster.address}}'}}
                """))
        #expect(nested.map(\.name) == ["engineering-prod"])
        #expect(nested.first?.annotation("regions") == "us")
        #expect(nested.first?.annotation("base") == "prod")
    }

    @Test func aMissingRepositoryIsAnErrorNamingTheGeneratorField() async throws {
        let scratch = try Fixtures.scratch()
        let set = try Fixtures.applicationSet(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: ApplicationSet
            metadata: {name: missing}
            spec:
              generators: [{git: {repoURL: 'file://\(scratch.path)/nowhere', revision: main, directories: [{path: '*'}]}}]
              template:
                metadata: {name: '{{path.basename}}'}
                spec: {project: default, destination: {server: https://kubernetes.default.svc}}
            """)
        let error = await #expect(throws: ApplicationSetError.self) { try await Fixtures.renderer(in: scratch).applications(for: set) }
        #expect(error?.message.contains("spec.generators[0].git.repoURL") == true)
        #expect(error?.reason == "ApplicationGenerationFromParamsError")
    }
}
