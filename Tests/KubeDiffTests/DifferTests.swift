import KubeDiff
import KubeModel
import Testing

struct DifferTests {
    private func object(_ yaml: String) throws -> JSONValue { try YAMLReader.read(yaml) }

    private var desired: JSONValue {
        get throws {
            try object(
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: default, labels: {app: web}}
                spec:
                  replicas: 2
                  template:
                    spec:
                      containers:
                      - {name: web, image: "nginx:1.27", ports: [{containerPort: 80}]}
                      - {name: sidecar, image: "envoy:1"}
                """)
        }
    }

    /// The object as a server returns it after applying `desired`: defaults, bookkeeping and status added.
    private func live(image: String = "nginx:1.27", lastApplied: JSONValue? = nil) throws -> JSONValue {
        var value = try object(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: default
              labels: {app: web}
              uid: 11111111-2222
              resourceVersion: "99"
              generation: 4
              creationTimestamp: "2026-11-01T00:00:00Z"
              managedFields: [{manager: kubectl-client-side-apply}]
            spec:
              replicas: 2
              revisionHistoryLimit: 10
              progressDeadlineSeconds: 600
              template:
                spec:
                  containers:
                  - name: web
                    image: "\(image)"
                    ports: [{containerPort: 80, protocol: TCP}]
                    imagePullPolicy: IfNotPresent
                  - {name: sidecar, image: "envoy:1", terminationMessagePolicy: File}
                  restartPolicy: Always
            status: {replicas: 2, availableReplicas: 2}
            """)
        if let lastApplied {
            value[path: ["metadata", "annotations", WellKnownAnnotations.lastAppliedConfiguration]] = .string(JSONWriter.string(lastApplied))
        }
        return value
    }

    @Test func justAppliedObjectIsNotModified() throws {
        let result = try Differ.diff(desired: desired, live: live())
        #expect(!result.modified, "\(result.changes)")
        #expect(result.normalizedLive["status"] == nil)
        #expect(result.normalizedLive["metadata"]?["uid"] == nil)
        #expect(result.normalizedLive["metadata"]?["managedFields"] == nil)
    }

    @Test func changedImageIsReportedAtItsPath() throws {
        let result = try Differ.diff(desired: desired, live: live(image: "nginx:1.26"))
        #expect(result.modified)
        #expect(result.changes.map(\.description) == [#"changed /spec/template/spec/containers/0/image: "nginx:1.26" -> "nginx:1.27""#])
    }

    @Test func fieldDroppedFromGitIsADifferenceWhenItWasApplied() throws {
        var previous = try desired
        previous[path: ["spec", "minReadySeconds"]] = 5
        var liveObject = try live(lastApplied: previous)
        liveObject[path: ["spec", "minReadySeconds"]] = 5
        let result = try Differ.diff(desired: desired, live: liveObject)
        #expect(result.modified)
        #expect(result.changes.map(\.description) == ["removed /spec/minReadySeconds: 5"])
    }

    @Test func customResourcesCompareWithMergeSemantics() throws {
        let application = try object(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata: {name: guestbook, namespace: argocd}
            spec:
              project: default
              source: {repoURL: "https://example.com/repo.git", path: guestbook}
            """)
        var liveApplication = application
        liveApplication[path: ["spec", "source", "targetRevision"]] = "HEAD"  // defaulted by a controller
        liveApplication["status"] = ["sync": ["status": "Synced"]]
        #expect(try !Differ.diff(desired: application, live: liveApplication).modified)
        liveApplication[path: ["spec", "project"]] = "other"
        let changed = try Differ.diff(desired: application, live: liveApplication)
        #expect(changed.changes.map(\.description) == [#"changed /spec/project: "other" -> "default""#])
    }

    @Test func missingAndExtraObjectsAreModified() throws {
        let created = try Differ.diff(desired: desired, live: nil)
        #expect(created.modified && created.normalizedLive.isNull)
        let pruned = try Differ.diff(desired: nil, live: live())
        #expect(pruned.modified && pruned.predictedLive.isNull)
    }

    @Test func statusCanBeCompared() throws {
        let options = DiffOptions(normalizers: [ServerFieldsNormalizer(statusComparison: .off)])
        var withStatus = try desired
        withStatus["status"] = ["replicas": 3]
        #expect(try Differ.diff(desired: withStatus, live: live(), options: options).modified)
    }
}
