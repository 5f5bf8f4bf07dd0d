import ClusterTestSupport
import AppController
import Foundation
import KubeClient
import KubeModel
import Testing

/// Applications users wrote (quoted in the seed documents) are stored as written: the schema types
/// every field they use, and keeps what it leaves open.
@Suite(.enabled(if: SeedApplications.available, "the seed documents (../shared/seeds) are not on this machine"))
struct ApplicationRoundTripTests {
    @Test func completeSeedApplicationsApplyVerbatimAndReadBackUnchanged() async throws {
        let examples = try SeedApplications.all().filter(\.isComplete)
        try #require(!examples.isEmpty, "no complete Application in \(SeedApplications.directory.path)")
        try await RunningCluster.withArgoCD { _, client in
            for example in examples {
                let stored = try await client.apply(KubeObject(example.object), fieldManager: "kubectl").object
                #expect(stored[path: "spec"] == example.object["spec"], "\(example)")
                #expect(stored.namespace == example.object[path: ["metadata", "namespace"]]?.stringValue ?? RunningCluster.argoNamespace)
            }
        }
    }

    /// The seeds also quote fragments showing one setting each (a Helm release name, recursion into
    /// directories, an automated policy): given the required project and destination, each keeps its setting.
    @Test func seedFragmentsKeepEverySettingTheyShow() async throws {
        let examples = try SeedApplications.all()
        let complete = examples.first { $0.isComplete }
        let base = try #require(complete, "no complete Application to borrow a project and destination from")
        let fragments = examples.filter { !$0.isComplete }
        try #require(!fragments.isEmpty)
        try await RunningCluster.withArgoCD { _, client in
            for fragment in fragments {
                var object = fragment.object
                object[path: ["metadata", "name"]] = .string("seed-\(fragment.line)")
                object[path: ["metadata", "namespace"]] = .string(RunningCluster.argoNamespace)
                for field in ["project", "destination"] where object[path: ["spec", field]] == nil {
                    object[path: ["spec", field]] = base.object[path: ["spec", field]]
                }
                // Fragments abbreviate the source; the schema (as upstream's) requires its repository.
                if object[path: ["spec", "source"]] != nil, object[path: ["spec", "source", "repoURL"]] == nil {
                    object[path: ["spec", "source", "repoURL"]] = base.object[path: ["spec", "source", "repoURL"]]
                }
                let stored = try await client.apply(KubeObject(object), fieldManager: "kubectl").object
                #expect(stored[path: "spec"] == object["spec"], "\(fragment)")
            }
        }
    }

    @Test func openPartsKeepUnknownFieldsAndUndeclaredFieldsArePrunedAsUpstream() async throws {
        let complete = try SeedApplications.all().first { $0.isComplete }
        let example = try #require(complete)
        try await RunningCluster.withArgoCD { _, client in
            var object = example.object
            object[path: ["metadata", "name"]] = "values-object"
            let values: JSONValue = ["replicaCount": 2, "ingress": ["enabled": true, "hosts": [["host": "app.example.com", "paths": ["/"]]]]]
            object[path: ["spec", "source", "helm", "valuesObject"]] = values
            let hydrator: JSONValue = ["drySource": ["repoURL": "https://git.example.com/app.git", "path": "env/dev"], "futureField": ["x": 1]]
            object[path: ["spec", "sourceHydrator"]] = hydrator
            object[path: ["spec", "notAnArgoField"]] = "dropped"
            object["status"] = [
                "sync": ["status": "Synced", "revision": "abc123"], "health": ["status": "Healthy"],
                "operationState": [
                    "operation": ["sync": ["revision": "abc123", "syncStrategy": ["hook": ["force": true]]]],
                    "phase": "Succeeded", "startedAt": "2026-01-01T00:00:00Z",
                    "syncResult": ["revision": "abc123", "resources": [["group": "apps", "version": "v1", "kind": "Deployment", "namespace": "foo", "name": "web", "status": "Synced"]]],
                ],
            ]
            let stored = try await client.apply(KubeObject(object), fieldManager: "kubectl").object
            #expect(stored[path: "spec", "source", "helm", "valuesObject"] == values)
            #expect(stored[path: "spec", "sourceHydrator"] == hydrator)
            #expect(stored[path: "spec", "notAnArgoField"] == nil)
            #expect(stored["status"] == object["status"])
            let read = try await client.get(ArgoCRDs.applications, namespace: stored.namespace, name: "values-object")
            #expect(read["status"] == object["status"])
        }
    }
}
