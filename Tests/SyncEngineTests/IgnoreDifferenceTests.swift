import KubeModel
import SyncEngine
import Testing

struct IgnoreDifferenceTests {
    private typealias Path = [JQPathExpression.PathComponent]

    private func object(_ yaml: String) throws -> JSONValue { try YAMLReader.read(yaml) }

    private func paths(_ expression: String, in document: JSONValue) throws -> [Path] {
        try JQPathExpression(parsing: expression).paths(in: document)
    }

    private var pod: JSONValue {
        get throws {
            try object(
                """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  labels: {app: web, x: "1"}
                  annotations: {sidecar.istio.io/status: '{"version":"abc"}', team: payments}
                spec:
                  initContainers:
                  - {name: migrate, image: "web:1"}
                  - {name: injected-init-container, image: "istio/proxyv2:1.22"}
                  containers:
                  - {name: web, image: "web:1", ports: [{containerPort: 8080}], env: [{name: MODE, value: prod}]}
                  - {name: istio-proxy, image: "istio/proxyv2:1.22"}
                  - {name: log-shipper, image: "fluent/fluent-bit:3", stdin: true}
                """)
        }
    }

    // MARK: jq path expressions

    @Test("Field access, quoted keys and bracketed keys name the same paths jq's path() yields")
    func fieldPaths() throws {
        let pod = try pod
        #expect(try paths(".spec.replicas", in: pod) == [[.key("spec"), .key("replicas")]])
        let status: Path = [.key("metadata"), .key("annotations"), .key("sidecar.istio.io/status")]
        #expect(try paths(#".metadata.annotations."sidecar.istio.io/status""#, in: pod) == [status])
        #expect(try paths(#".metadata.annotations["sidecar.istio.io/status"]"#, in: pod) == [status])
        #expect(try paths(#".["metadata"].annotations.["sidecar.istio.io/status"]"#, in: pod) == [status])
        #expect(try paths(".", in: pod) == [[]])
    }

    @Test("Indices count from the end when negative; iteration covers arrays and objects")
    func indicesAndIteration() throws {
        let pod = try pod
        let containers: Path = [.key("spec"), .key("containers")]
        #expect(try paths(".spec.containers[0].image", in: pod) == [containers + [.index(0), .key("image")]])
        #expect(try paths(".spec.containers[-1]", in: pod) == [containers + [.index(2)]])
        #expect(try paths(".spec.containers[].name", in: pod) == (0..<3).map { containers + [.index($0), .key("name")] })
        #expect(
            try paths(".metadata.labels[]", in: pod) == [
                [.key("metadata"), .key("labels"), .key("app")], [.key("metadata"), .key("labels"), .key("x")],
            ])
    }

    @Test("select keeps the elements whose condition holds")
    func selectElements() throws {
        let pod = try pod
        #expect(
            try paths(#".spec.initContainers[] | select(.name == "injected-init-container")"#, in: pod) == [
                [.key("spec"), .key("initContainers"), .index(1)]
            ])
        let containers = { (indices: [Int]) -> [Path] in indices.map { [.key("spec"), .key("containers"), .index($0)] } }
        #expect(try paths(#".spec.containers[] | select(.image | startswith("istio/"))"#, in: pod) == containers([1]))
        #expect(try paths(#".spec.containers[] | select(.image | endswith(":1"))"#, in: pod) == containers([0]))
        #expect(try paths(#".spec.containers[] | select(.name != "web")"#, in: pod) == containers([1, 2]))
        #expect(try paths(#".spec.containers[] | select(.image | test("^(istio|fluent)/"))"#, in: pod) == containers([1, 2]))
        #expect(try paths(#".spec.containers[] | select(.image | test("^ISTIO"; "i"))"#, in: pod) == containers([1]))
        #expect(try paths(#".spec.containers[] | select(.name | contains("-"))"#, in: pod) == containers([1, 2]))
        #expect(try paths(#".spec.containers[] | select(.stdin == true)"#, in: pod) == containers([2]))
        #expect(try paths(#".spec.containers[] | select(.stdin == null)"#, in: pod) == containers([0, 1]))
        #expect(try paths(#".spec.containers[] | select(.ports[0].containerPort == 8080)"#, in: pod) == containers([0]))
        #expect(try paths(#".spec.containers[] | select(has("ports") | not)"#, in: pod) == containers([1, 2]))
        #expect(
            try paths(#".spec.containers[] | select(.name == "web" or (.image | startswith("fluent/")))"#, in: pod) == containers([0, 2]))
        #expect(
            try paths(#".spec.containers[] | select((.image | startswith("istio/")) and .name == "istio-proxy")"#, in: pod) == containers([1]))
    }

    @Test("select on a map matches or drops the whole map")
    func selectOnMap() throws {
        let pod = try pod
        #expect(try paths(#".metadata.labels | select(has("x"))"#, in: pod) == [[.key("metadata"), .key("labels")]])
        #expect(try paths(#".metadata.labels | select(has("y"))"#, in: pod).isEmpty)
    }

    @Test("A ? suffix turns a failing step into no paths; without it the whole expression yields nothing")
    func optionalSuffix() throws {
        let webhooks = try object(
            """
            apiVersion: admissionregistration.k8s.io/v1
            kind: MutatingWebhookConfiguration
            metadata: {name: injector}
            webhooks:
            - {name: a.example.com, clientConfig: {caBundle: LS0tLS1=, service: {name: a}}}
            - {name: b.example.com, clientConfig: {caBundle: LS0tLS2=, service: {name: b}}}
            """)
        #expect(
            try paths(".webhooks[]?.clientConfig.caBundle", in: webhooks) == [
                [.key("webhooks"), .index(0), .key("clientConfig"), .key("caBundle")],
                [.key("webhooks"), .index(1), .key("clientConfig"), .key("caBundle")],
            ])
        let noWebhooks: JSONValue = ["metadata": ["name": "injector"]]
        #expect(try paths(".webhooks[]?, .metadata.name", in: noWebhooks) == [[.key("metadata"), .key("name")]])
        #expect(try paths(".webhooks[], .metadata.name", in: noWebhooks).isEmpty)
        #expect(try paths(".metadata.name.first", in: noWebhooks).isEmpty)
    }

    @Test("Unsupported syntax is rejected with the column where it starts")
    func unsupportedSyntax() {
        let cases: [(expression: String, column: Int, mentions: String)] = [
            (".spec | ..", 9, "recursive descent"),
            (".spec.containers | length", 20, "`length`"),
            (".spec.replicas = 1", 16, "`=`"),
            (".spec.replicas == 3", 16, "not a path"),
            (#".metadata.name | "web""#, 18, "not a path"),
            (".spec.containers[1:2]", 19, "slices"),
            (".spec[$i]", 7, "variables"),
            (#".metadata.annotations."team"#, 23, "not closed"),
            (".spec.replicas >= 2", 16, "`>=`"),
            (".spec.containers[] | select(.name)) ", 35, "unexpected `)`"),
            ("select(.a", 10, "ends too early"),
        ]
        for (expression, column, mention) in cases {
            let error = #expect(throws: JQPathExpression.SyntaxError.self, "\(expression)") {
                try JQPathExpression(parsing: expression)
            }
            #expect(error?.column == column, "\(expression)")
            #expect(error?.expression == expression)
            #expect(error?.description.contains(mention) == true, "\(String(describing: error))")
        }
    }

    // MARK: Deletion

    @Test("Deleting selected array elements removes exactly those, wherever they sit")
    func deleteArrayElements() throws {
        let entry = IgnoreDifference([
            "kind": "Pod",
            "jqPathExpressions": [#".spec.containers[] | select(.name != "web")"#, ".spec.initContainers[0], .spec.initContainers[1]"],
        ])
        #expect(entry.problems.isEmpty)
        var pod = try pod
        entry.normalize(&pod)
        #expect(pod[path: ["spec", "containers"]]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["web"])
        #expect(pod[path: ["spec", "initContainers"]] == .array([]))
    }

    @Test("An expression that does not parse is reported and skipped; the entry's other fields still apply")
    func problemsAreReported() throws {
        let entry = IgnoreDifference([
            "group": "", "kind": "Pod", "jsonPointers": ["spec/replicas", "/metadata/labels/x"],
            "jqPathExpressions": [".metadata.annotations.team", ".spec.containers[] | length"],
        ])
        #expect(entry.problems.count == 2)
        #expect(entry.problems.contains { $0.hasPrefix("ignoreDifferences[Pod].jsonPointers[0]: ") })
        #expect(entry.problems.contains { $0.hasPrefix("ignoreDifferences[Pod].jqPathExpressions[1]: unsupported jq syntax at column 22") })
        var pod = try pod
        entry.normalize(&pod)
        #expect(pod[path: ["metadata", "labels"]] == ["app": "web"])
        #expect(pod[path: ["metadata", "annotations", "team"]] == nil)
        #expect(pod[path: ["spec", "containers"]]?.arrayValue?.count == 3)
    }

    // MARK: Managed fields

    private func deployment(replicas: Int, image: String, extra: String = "", managedFields: String = "") throws -> JSONValue {
        try object(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: shop
              labels: {app: web}
              finalizers: [example.com/protect]
            \(managedFields.isEmpty ? "" : "  managedFields:\n" + managedFields)
            spec:
              replicas: \(replicas)
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                  - {name: app, image: "\(image)"\(extra)}
            """)
    }

    /// What a cluster records after Argo CD applied the Deployment, an HPA scaled it and an image
    /// updater bumped the app container, both through kube-controller-manager-style updates.
    private let managedFields = """
          - manager: argocd-controller
            operation: Apply
            apiVersion: apps/v1
            time: "2026-03-01T10:00:00Z"
            fieldsType: FieldsV1
            fieldsV1:
              f:metadata: {f:labels: {f:app: {}}}
              f:spec:
                f:selector: {}
                f:template:
                  f:metadata: {f:labels: {f:app: {}}}
                  f:spec: {f:containers: {'k:{"name":"app"}': {.: {}, f:name: {}}}}
          - manager: kube-controller-manager
            operation: Update
            apiVersion: apps/v1
            time: "2026-03-01T10:05:00Z"
            fieldsType: FieldsV1
            fieldsV1:
              f:metadata:
                f:finalizers: {.: {}, 'v:"example.com/protect"': {}}
              f:spec:
                f:replicas: {}
                f:template:
                  f:spec:
                    f:containers:
                      'k:{"name":"app"}': {f:image: {}}
        """

    @Test("managedFields entries decode to the fields their manager owns, found by merge key in any object")
    func managedFieldsPaths() throws {
        let live = try deployment(replicas: 5, image: "web:2", managedFields: managedFields)
        let owned = ManagedFieldsPaths(ownedBy: ["kube-controller-manager"], in: live)
        let containers: [ManagedFieldsPaths.Step] = [.field("spec"), .field("template"), .field("spec"), .field("containers")]
        #expect(owned.leaves.count == 3)
        #expect(owned.leaves.contains([.field("spec"), .field("replicas")]))
        #expect(owned.leaves.contains(containers + [.key(["name": "app"]), .field("image")]))
        #expect(owned.leaves.contains([.field("metadata"), .field("finalizers"), .value("example.com/protect")]))
        let image: Path = [.key("spec"), .key("template"), .key("spec"), .key("containers"), .index(0), .key("image")]
        let finalizer: Path = [.key("metadata"), .key("finalizers"), .index(0)]
        #expect(Set(owned.paths(in: live)) == [[.key("spec"), .key("replicas")], image, finalizer])

        // The same container at another index in another object is still the one owned.
        var other = live
        other[path: ["spec", "template", "spec", "containers"]] = [["name": "sidecar", "image": "envoy"], ["name": "app", "image": "web:1"]]
        #expect(owned.paths(in: other).contains([.key("spec"), .key("template"), .key("spec"), .key("containers"), .index(1), .key("image")]))

        #expect(ManagedFieldsPaths(ownedBy: ["kubectl-edit"], in: live).isEmpty)
        // The Apply entry owns the container's name, not the container as a whole: `.` makes no leaf.
        let applied = ManagedFieldsPaths(ownedBy: ["argocd-controller"], in: live)
        #expect(applied.leaves.contains(containers + [.key(["name": "app"]), .field("name")]))
        #expect(!applied.leaves.contains(containers + [.key(["name": "app"])]))
    }

    // MARK: Comparison

    private func compare(desired: JSONValue, live: JSONValue, ignore: [JSONValue]) throws -> SyncStatusCode {
        let desired = try KubeObject(desired)
        let live = try KubeObject(live)
        return Comparison(desired: [desired], live: [live.key: live], ignore: ignore.map(IgnoreDifference.init)).syncStatus
    }

    @Test("Fields owned by a listed manager do not make a Deployment OutOfSync; other differences still do")
    func comparisonManagedFields() throws {
        let live = try deployment(replicas: 5, image: "web:2", managedFields: managedFields)
        let desired = try deployment(replicas: 3, image: "web:1")
        let ignore: JSONValue = ["group": "apps", "kind": "Deployment", "managedFieldsManagers": ["kube-controller-manager"]]
        #expect(try compare(desired: desired, live: live, ignore: []) == .outOfSync)
        #expect(try compare(desired: desired, live: live, ignore: [ignore]) == .synced)
        let otherManager: JSONValue = ["group": "apps", "kind": "Deployment", "managedFieldsManagers": ["kubectl-edit"]]
        #expect(try compare(desired: desired, live: live, ignore: [otherManager]) == .outOfSync)

        let changedElsewhere = try deployment(replicas: 3, image: "web:1", extra: ", env: [{name: MODE, value: debug}]")
        #expect(try compare(desired: changedElsewhere, live: live, ignore: [ignore]) == .outOfSync)
    }

    @Test("A jq expression hides the injected CA bundle of a webhook configuration, not other webhook changes")
    func comparisonJQ() throws {
        func webhooks(caBundle: String, failurePolicy: String = "Fail") throws -> JSONValue {
            try object(
                """
                apiVersion: admissionregistration.k8s.io/v1
                kind: MutatingWebhookConfiguration
                metadata: {name: injector}
                webhooks:
                - name: inject.example.com
                  clientConfig: {caBundle: "\(caBundle)", service: {name: injector, namespace: system}}
                  failurePolicy: \(failurePolicy)
                  sideEffects: None
                  admissionReviewVersions: [v1]
                """)
        }
        let ignore: JSONValue = [
            "group": "admissionregistration.k8s.io", "kind": "MutatingWebhookConfiguration",
            "jqPathExpressions": [".webhooks[]?.clientConfig.caBundle"],
        ]
        let live = try webhooks(caBundle: "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t")
        #expect(try compare(desired: webhooks(caBundle: ""), live: live, ignore: []) == .outOfSync)
        #expect(try compare(desired: webhooks(caBundle: ""), live: live, ignore: [ignore]) == .synced)
        #expect(try compare(desired: webhooks(caBundle: "", failurePolicy: "Ignore"), live: live, ignore: [ignore]) == .outOfSync)
    }

    @Test("A jq select hides an injected init container of a custom resource")
    func comparisonJQSelect() throws {
        func rollout(initContainers: String) throws -> JSONValue {
            try object(
                """
                apiVersion: argoproj.io/v1alpha1
                kind: Rollout
                metadata: {name: web, namespace: shop}
                spec:
                  template:
                    spec:
                      initContainers: \(initContainers)
                      containers: [{name: app, image: "web:1"}]
                """)
        }
        let desired = try rollout(initContainers: #"[{name: migrate, image: "web:1"}]"#)
        let live = try rollout(
            initContainers: #"[{name: injected-init-container, image: "istio/proxyv2"}, {name: migrate, image: "web:1"}]"#)
        let ignore: JSONValue = [
            "group": "argoproj.io", "kind": "Rollout",
            "jqPathExpressions": [#".spec.template.spec.initContainers[] | select(.name == "injected-init-container")"#],
        ]
        #expect(try compare(desired: desired, live: live, ignore: []) == .outOfSync)
        #expect(try compare(desired: desired, live: live, ignore: [ignore]) == .synced)
        let otherInit = try rollout(initContainers: #"[{name: migrate, image: "web:2"}]"#)
        #expect(try compare(desired: otherInit, live: live, ignore: [ignore]) == .outOfSync)
    }
}
