import AppController
import ApplicationSets
import ClusterTestSupport
import Foundation
import KubeClient
import KubeModel
import Testing

/// The controller against the embedded cluster and real Git repositories.
@Suite(.serialized) struct ApplicationSetControllerTests {
    /// Issue 8 ("seed-004 shape"): one Application per `env/*` directory, kept in line with the
    /// template and with the repository as directories come and go.
    @Test func gitDirectoriesGeneratorFollowsTemplateAndRepository() async throws {
        try await ControllerHarness.with { harness in
            let repository = try await AppRepository(in: harness.scratch)
            try repository.write(["env/dev/cm.yaml": "kind: ConfigMap", "env/prod/cm.yaml": "kind: ConfigMap"])
            try await repository.commit()
            try await harness.create(
                """
                apiVersion: argoproj.io/v1alpha1
                kind: ApplicationSet
                metadata: {name: envs}
                spec:
                  generators:
                  - git: {repoURL: '\(repository.url)', revision: main, directories: [{path: 'env/*'}]}
                  template:
                    metadata: {name: 'guestbook-{{path.basename}}', labels: {env: '{{path.basename}}'}}
                    spec:
                      project: default
                      source: {repoURL: '\(repository.url)', targetRevision: main, path: '{{path}}'}
                      destination: {server: https://kubernetes.default.svc, namespace: '{{path.basename}}'}
                """)
            try await eventually("one Application per directory", detail: { "\((try? await harness.liveApplicationNames()) ?? [])" }) {
                try await harness.liveApplicationNames() == ["guestbook-dev", "guestbook-prod"]
            }
            let set = try await harness.applicationSet("envs")
            let dev = try #require(try await harness.applications()["guestbook-dev"])
            #expect(dev[path: "spec", "source", "path"] == "env/dev")
            #expect(dev.controllerReference?.name == "envs")
            #expect(dev.controllerReference?.uid == set.uid)
            #expect(dev.controllerReference?.blockOwnerDeletion == true)
            try await eventually("ResourcesUpToDate") {
                try await harness.condition("ResourcesUpToDate", of: "envs")?["status"] == "True"
            }
            #expect(try await harness.condition("ErrorOccurred", of: "envs")?["status"] == "False")
            #expect(try await harness.applicationSet("envs")[path: "status", "resources"]?.arrayValue?.count == 2)

            // A template change reaches every Application; status written by others stays.
            try await harness.patchApplication("guestbook-dev", ["status": ["sync": ["status": "Synced"]]])
            _ = try await harness.client.patch(
                ArgoCRDs.applicationSets, namespace: ControllerHarness.namespace, name: "envs", type: .merge,
                ["spec": ["template": ["metadata": ["labels": ["team": "web"]]]]])
            try await eventually("the new label on every Application") {
                try await harness.applications().values.filter { $0.label("team") == "web" }.count == 2
            }
            #expect(try await harness.applications()["guestbook-dev"]?[path: "status", "sync", "status"] == "Synced")

            // A new directory is a new Application once the controller looks again.
            try repository.write(["env/qa/cm.yaml": "kind: ConfigMap"])
            try await repository.commit("add qa")
            await harness.controller.refresh(name: "envs")
            try await eventually("an Application for the new directory") {
                try await harness.liveApplicationNames() == ["guestbook-dev", "guestbook-prod", "guestbook-qa"]
            }

            // A removed directory's Application is deleted (its resources finalizer then lets the
            // application controller clean up, so it may linger while being deleted).
            try await repository.git("rm", "-r", "--quiet", "env/prod")
            try await repository.commit("remove prod")
            await harness.controller.refresh(name: "envs")
            try await eventually("the removed directory's Application deleted") {
                try await harness.liveApplicationNames() == ["guestbook-dev", "guestbook-qa"]
            }
        }
    }

    @Test func badApplicationSetsReportErrorsAndLeaveOthersAlone() async throws {
        try await ControllerHarness.with { harness in
            try await harness.create(
                """
                apiVersion: argoproj.io/v1alpha1
                kind: ApplicationSet
                metadata: {name: good}
                spec:
                  generators: [{list: {elements: [{env: dev}, {env: prod}]}}]
                  template:
                    metadata: {name: 'good-{{env}}'}
                    spec: {project: default, destination: {server: https://kubernetes.default.svc, namespace: '{{env}}'}}
                """)
            try await harness.create(
                """
                apiVersion: argoproj.io/v1alpha1
                kind: ApplicationSet
                metadata: {name: naming}
                spec:
                  generators: [{list: {elements: [{env: dev}]}}]
                  template:
                    metadata: {name: 'naming-{{env}}'}
                    spec: {project: default, destination: {server: https://kubernetes.default.svc}}
                """)
            try await harness.create(
                """
                apiVersion: argoproj.io/v1alpha1
                kind: ApplicationSet
                metadata: {name: no-repo}
                spec:
                  generators: [{git: {repoURL: 'file://\(harness.scratch.path)/missing', revision: main, directories: [{path: '*'}]}}]
                  template:
                    metadata: {name: '{{path.basename}}'}
                    spec: {project: default, destination: {server: https://kubernetes.default.svc}}
                """)
            try await eventually("the valid ApplicationSets' Applications") {
                try await harness.liveApplicationNames() == ["good-dev", "good-prod", "naming-dev"]
            }
            try await eventually("the missing repository reported") {
                try await harness.condition("ErrorOccurred", of: "no-repo")?["status"] == "True"
            }
            let repoError = try #require(try await harness.condition("ErrorOccurred", of: "no-repo"))
            #expect(repoError["reason"] == "ApplicationGenerationFromParamsError")
            let repoMessage = repoError["message"]?.stringValue ?? ""
            #expect(repoMessage.contains("argocd/no-repo") && repoMessage.contains("spec.generators[0].git.repoURL"), "\(repoMessage)")
            #expect(try await harness.condition("ParametersGenerated", of: "no-repo")?["status"] == "False")

            // A template that renders an invalid name leaves the existing Application as it was.
            let before = try #require(try await harness.applications()["naming-dev"])
            _ = try await harness.client.patch(
                ArgoCRDs.applicationSets, namespace: ControllerHarness.namespace, name: "naming", type: .merge,
                ["spec": ["template": ["metadata": ["name": "Naming_{{env}}"]]]])
            try await eventually("the invalid name reported") {
                try await harness.condition("ErrorOccurred", of: "naming")?["reason"] == "ApplicationValidationError"
            }
            let nameMessage = try await harness.condition("ErrorOccurred", of: "naming")?["message"]?.stringValue ?? ""
            #expect(nameMessage.contains("Naming_dev") && nameMessage.contains("spec.template.metadata.name"), "\(nameMessage)")
            let after = try #require(try await harness.applications()["naming-dev"])
            #expect(after.resourceVersion == before.resourceVersion)
            #expect(!after.isBeingDeleted)
            #expect(try await harness.liveApplicationNames() == ["good-dev", "good-prod", "naming-dev"])
            #expect(try await harness.condition("ErrorOccurred", of: "good")?["status"] == "False")
        }
    }

    @Test func applicationsSyncPolicyLimitsWhatTheControllerChanges() async throws {
        try await ControllerHarness.with { harness in
            try await harness.create(
                """
                apiVersion: argoproj.io/v1alpha1
                kind: ApplicationSet
                metadata: {name: keep}
                spec:
                  syncPolicy: {applicationsSync: create-only}
                  generators: [{list: {elements: [{env: dev}, {env: prod}]}}]
                  template:
                    metadata: {name: 'keep-{{env}}'}
                    spec: {project: default, destination: {server: https://kubernetes.default.svc, namespace: '{{env}}'}}
                """)
            try await eventually("both Applications") { try await harness.liveApplicationNames() == ["keep-dev", "keep-prod"] }
            _ = try await harness.client.patch(
                ArgoCRDs.applicationSets, namespace: ControllerHarness.namespace, name: "keep", type: .merge,
                ["spec": ["generators": [["list": ["elements": [["env": "dev"]]]]], "template": ["metadata": ["labels": ["new": "yes"]]]]])
            await harness.controller.refresh(name: "keep")
            try await eventually("the change processed") {
                let resources = try await harness.applicationSet("keep")[path: "status", "resources"]?.arrayValue ?? []
                return resources.count == 1
            }
            #expect(try await harness.liveApplicationNames() == ["keep-dev", "keep-prod"], "create-only never deletes")
            #expect(try await harness.applications()["keep-dev"]?.label("new") == nil, "create-only never updates")
        }
    }

    @Test func rollingSyncSyncsStepsInOrderOnceEarlierStepsAreHealthy() async throws {
        try await ControllerHarness.with { harness in
            try await harness.create(
                """
                apiVersion: argoproj.io/v1alpha1
                kind: ApplicationSet
                metadata: {name: rollout}
                spec:
                  generators: [{list: {elements: [{name: dev-a, env: dev}, {name: dev-b, env: dev}, {name: prod-a, env: prod}]}}]
                  strategy:
                    type: RollingSync
                    rollingSync:
                      steps:
                      - matchExpressions: [{key: env, operator: In, values: [dev]}]
                        maxUpdate: 1
                      - matchExpressions: [{key: env, operator: In, values: [prod]}]
                  template:
                    metadata: {name: '{{name}}', labels: {env: '{{env}}'}}
                    spec:
                      project: default
                      destination: {server: https://kubernetes.default.svc, namespace: '{{name}}'}
                      syncPolicy: {automated: {prune: true}, syncOptions: [CreateNamespace=true]}
                """)
            func statuses() async throws -> [String: String] {
                let entries = try await harness.applicationSet("rollout")[path: "status", "applicationStatus"]?.arrayValue ?? []
                return Dictionary(uniqueKeysWithValues: entries.compactMap { entry in
                    entry["application"]?.stringValue.map { ($0, entry["status"]?.stringValue ?? "") }
                })
            }
            func hasOperation(_ name: String) async throws -> Bool {
                try await harness.applications()[name]?["operation"].map { !$0.isNull } ?? false
            }
            /// What the application controller would do: take the operation up, sync, become healthy.
            func completeSync(_ name: String) async throws {
                try await harness.patchApplication(name, ["operation": nil, "status": ["sync": ["status": "Synced"], "health": ["status": "Healthy"], "operationState": ["phase": "Succeeded"]]])
            }

            try await eventually("one dev Application pending (maxUpdate 1), prod waiting", detail: { "\((try? await statuses()) ?? [:])" }) {
                try await statuses() == ["dev-a": "Pending", "dev-b": "Waiting", "prod-a": "Waiting"]
            }
            #expect(try await hasOperation("dev-a"))
            #expect(try await !hasOperation("prod-a"))
            let devA = try #require(try await harness.applications()["dev-a"])
            #expect(devA[path: "spec", "syncPolicy", "automated"] == nil, "RollingSync turns automated sync off")
            #expect(devA[path: "operation", "sync", "syncOptions"] == ["CreateNamespace=true"])
            #expect(try await harness.condition("RolloutProgressing", of: "rollout")?["status"] == "True")

            try await completeSync("dev-a")
            try await eventually("the second dev Application's turn", detail: { "\((try? await statuses()) ?? [:])" }) {
                try await statuses() == ["dev-a": "Healthy", "dev-b": "Pending", "prod-a": "Waiting"]
            }
            #expect(try await !hasOperation("prod-a"), "prod waits for every dev Application")

            try await completeSync("dev-b")
            try await eventually("prod's turn", detail: { "\((try? await statuses()) ?? [:])" }) {
                try await statuses()["prod-a"] == "Pending"
            }
            #expect(try await hasOperation("prod-a"))
            try await completeSync("prod-a")
            try await eventually("the rollout complete") {
                try await harness.condition("RolloutProgressing", of: "rollout")?["reason"] == "ApplicationSetRolloutComplete"
            }
            #expect(try await statuses() == ["dev-a": "Healthy", "dev-b": "Healthy", "prod-a": "Healthy"])
        }
    }
}
