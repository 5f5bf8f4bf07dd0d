import Foundation
import KubeModel
import Testing

/// The real kubectl 1.32 against `wharf cluster start`: what a user types, and what they see.
@Suite(.mayBlock, .enabled(if: CommandRunner.which("kubectl") != nil, "kubectl is not installed, so the kubectl conformance suite cannot run"))
struct LocalClusterKubectlTests {
    static let app = """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
          namespace: shop
          labels:
            app: shop
        data:
          greeting: hello
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: credentials
          namespace: shop
        stringData:
          password: s3cret
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: shop
          namespace: shop
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          namespace: shop
        spec:
          selector:
            app: web
          ports:
          - name: http
            port: 80
            targetPort: 8080
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
          labels:
            app: web
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              serviceAccountName: shop
              containers:
              - name: web
                image: nginx:1.27
                ports:
                - containerPort: 8080
                env:
                - name: MODE
                  value: production
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: reader
          namespace: shop
        rules:
        - apiGroups: [""]
          resources: ["configmaps"]
          verbs: ["get", "list"]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: reader
          namespace: shop
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: Role
          name: reader
        subjects:
        - kind: ServiceAccount
          name: shop
          namespace: shop
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: web
          namespace: shop
        spec:
          rules:
          - host: shop.example.com
            http:
              paths:
              - path: /
                pathType: Prefix
                backend:
                  service:
                    name: web
                    port:
                      number: 80

        """

    @Test func clientSideApplyCreatesThenReportsUnchanged() throws {
        let cluster = try ClusterProcess()
        let created = try cluster.kubectlOutput(["apply", "-f", "-"], input: Self.app)
        for line in [
            "namespace/shop created", "configmap/settings created", "secret/credentials created", "serviceaccount/shop created",
            "service/web created", "deployment.apps/web created", "role.rbac.authorization.k8s.io/reader created",
            "rolebinding.rbac.authorization.k8s.io/reader created", "ingress.networking.k8s.io/web created",
        ] {
            #expect(created.contains(line), "missing '\(line)' in:\n\(created)")
        }
        let again = try cluster.kubectlOutput(["apply", "-f", "-"], input: Self.app)
        // A Secret's stringData is never stored, so kubectl's three-way patch re-sends it every time and
        // reports it configured, exactly as against a real cluster; everything else is unchanged.
        #expect(again.split(separator: "\n").filter { !$0.hasPrefix("secret/") }.allSatisfy { $0.hasSuffix(" unchanged") }, "\(again)")
        // An edit is applied as a patch, and only the edited object changes.
        let edited = try cluster.kubectlOutput(["apply", "-f", "-"], input: Self.app.replacingOccurrences(of: "greeting: hello", with: "greeting: bonjour"))
        #expect(edited.contains("configmap/settings configured"))
        #expect(edited.contains("deployment.apps/web unchanged"))
        #expect(try cluster.kubectlOutput(["get", "configmap", "settings", "-n", "shop", "-o", "jsonpath={.data.greeting}"]) == "bonjour")
        // Secrets keep stringData as base64 data.
        #expect(try cluster.kubectlOutput(["get", "secret", "credentials", "-n", "shop", "-o", "jsonpath={.data.password}"]) == "czNjcmV0")
    }

    @Test func serverSideApplyCreatesAndUpdates() throws {
        let cluster = try ClusterProcess()
        let manifest = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: ssa
              namespace: default
            data:
              a: "1"

            """
        #expect(try cluster.kubectlOutput(["apply", "--server-side", "-f", "-"], input: manifest).contains("configmap/ssa serverside-applied"))
        let changed = manifest.replacingOccurrences(of: "a: \"1\"", with: "b: \"2\"")
        _ = try cluster.kubectlOutput(["apply", "--server-side", "-f", "-"], input: changed)
        let data = try cluster.kubectlOutput(["get", "configmap", "ssa", "-o", "jsonpath={.data}"])
        // The field the manager stopped applying is removed; the new one is there.
        #expect(data == #"{"b":"2"}"#)
        let managers = try cluster.kubectlOutput(["get", "configmap", "ssa", "-o", "jsonpath={.metadata.managedFields[*].manager}", "--show-managed-fields"])
        #expect(managers.contains("kubectl"))
        // Another writer now owns .data.b: applying a different value conflicts until forced.
        _ = try cluster.kubectlOutput(["patch", "configmap", "ssa", "-p", #"{"data":{"b":"3"}}"#])
        let takeover = changed.replacingOccurrences(of: "b: \"2\"", with: "b: \"4\"")
        let conflict = try cluster.kubectl(["apply", "--server-side", "-f", "-"], input: takeover)
        #expect(conflict.exitCode != 0 && conflict.standardError.contains(#"conflict with "kubectl-patch""#) && conflict.standardError.contains(".data.b"), "\(conflict.standardError)")
        #expect(try cluster.kubectlOutput(["get", "configmap", "ssa", "-o", "jsonpath={.data.b}"]) == "3")
        _ = try cluster.kubectlOutput(["apply", "--server-side", "--force-conflicts", "-f", "-"], input: takeover)
        #expect(try cluster.kubectlOutput(["get", "configmap", "ssa", "-o", "jsonpath={.data.b}"]) == "4")
    }

    @Test func getPrintsTheUsualColumnsAndFormats() throws {
        let cluster = try ClusterProcess()
        _ = try cluster.kubectlOutput(["apply", "-f", "-"], input: Self.app)
        let services = try cluster.kubectlOutput(["get", "services", "-n", "shop"])
        #expect(services.hasPrefix("NAME"), "\(services)")
        for column in ["TYPE", "CLUSTER-IP", "PORT(S)", "AGE"] { #expect(services.contains(column), "\(services)") }
        #expect(services.contains("80/TCP"))
        let wide = try cluster.kubectlOutput(["get", "services", "-n", "shop", "-o", "wide"])
        #expect(wide.contains("SELECTOR") && wide.contains("app=web"), "\(wide)")
        let labels = try cluster.kubectlOutput(["get", "configmaps", "-n", "shop", "--show-labels"])
        #expect(labels.contains("LABELS") && labels.contains("app=shop"), "\(labels)")
        let everywhere = try cluster.kubectlOutput(["get", "namespaces,services", "-A"])
        #expect(everywhere.contains("kube-system") && everywhere.contains("kubernetes"), "\(everywhere)")
        let all = try cluster.kubectlOutput(["get", "all", "-n", "shop"])
        #expect(all.contains("service/web") && all.contains("deployment.apps/web"), "\(all)")
        let json = try JSONParser.parse(cluster.kubectlOutput(["get", "deployment", "web", "-n", "shop", "-o", "json"]))
        #expect(json[path: ["spec", "template", "spec", "containers"]]?.arrayValue?.first?["image"]?.stringValue == "nginx:1.27")
        #expect(json[path: ["metadata", "uid"]]?.stringValue?.count == 36)
        #expect(json[path: ["metadata", "generation"]]?.int64Value == 1)
        let yaml = try YAMLReader.read(cluster.kubectlOutput(["get", "configmap", "settings", "-n", "shop", "-o", "yaml"]))
        #expect(yaml[path: ["data", "greeting"]]?.stringValue == "hello")
        let list = try YAMLReader.read(cluster.kubectlOutput(["get", "configmaps", "-n", "shop", "-o", "yaml"]))
        #expect(list["kind"]?.stringValue == "List")
    }

    @Test func watchSeesChangesAsTheyHappen() throws {
        let cluster = try ClusterProcess()
        let watch = try cluster.startKubectl(["get", "configmaps", "-n", "default", "-w", "-o", "name"])
        defer { watch.stop() }
        // The watch has started once the initial list (the root CA ConfigMap or nothing) is printed;
        // creating first and watching later would also pass, so wait for kubectl to be connected.
        Thread.sleep(forTimeInterval: 1)
        try cluster.applyConfigMap("first", namespace: "default")
        #expect(watch.waitForOutput { $0.contains("configmap/first") }, "watch printed: \(watch.output)")
        _ = try cluster.kubectlOutput(["delete", "configmap", "first", "-n", "default"])
        try cluster.applyConfigMap("second", namespace: "default")
        #expect(watch.waitForOutput { $0.contains("configmap/second") }, "watch printed: \(watch.output)")
        // An open watch does not keep the cluster from shutting down.
        #expect(cluster.stop(), "the cluster did not stop on SIGTERM while a watch was open")
    }

    @Test func diffShowsOnlyRealChanges() throws {
        let cluster = try ClusterProcess()
        _ = try cluster.kubectlOutput(["apply", "-f", "-"], input: Self.app)
        let same = try cluster.kubectl(["diff", "-f", "-"], input: Self.app)
        #expect(same.exitCode == 0, "kubectl diff of an applied app: \(same.standardOutput)\(same.standardError)")
        let changed = try cluster.kubectl(["diff", "-f", "-"], input: Self.app.replacingOccurrences(of: "image: nginx:1.27", with: "image: nginx:1.28"))
        #expect(changed.exitCode == 1, "\(changed.standardError)")
        #expect(changed.standardOutput.contains("-        image: nginx:1.27") && changed.standardOutput.contains("+        image: nginx:1.28"), "\(changed.standardOutput)")
        // A dry run stores nothing.
        #expect(try cluster.kubectlOutput(["get", "deployment", "web", "-n", "shop", "-o", "jsonpath={.spec.template.spec.containers[0].image}"]) == "nginx:1.27")
    }

    @Test func patchesOfAllThreeTypes() throws {
        let cluster = try ClusterProcess()
        _ = try cluster.kubectlOutput(["apply", "-f", "-"], input: Self.app)
        // Strategic: containers merge by name, so the other container fields stay.
        _ = try cluster.kubectlOutput([
            "patch", "deployment", "web", "-n", "shop", "-p", #"{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"nginx:1.28"}]}}}}"#,
        ])
        let deployment = try JSONParser.parse(cluster.kubectlOutput(["get", "deployment", "web", "-n", "shop", "-o", "json"]))
        let container = deployment[path: ["spec", "template", "spec", "containers"]]?.arrayValue?.first
        #expect(container?["image"]?.stringValue == "nginx:1.28")
        #expect(container?["env"]?.arrayValue?.first?["value"]?.stringValue == "production")
        #expect(deployment[path: ["metadata", "generation"]]?.int64Value == 2)
        _ = try cluster.kubectlOutput(["patch", "configmap", "settings", "-n", "shop", "--type", "merge", "-p", #"{"data":{"greeting":null,"color":"blue"}}"#])
        #expect(try cluster.kubectlOutput(["get", "configmap", "settings", "-n", "shop", "-o", "jsonpath={.data}"]) == #"{"color":"blue"}"#)
        _ = try cluster.kubectlOutput(["patch", "configmap", "settings", "-n", "shop", "--type", "json", "-p", #"[{"op":"add","path":"/data/size","value":"L"}]"#])
        #expect(try cluster.kubectlOutput(["get", "configmap", "settings", "-n", "shop", "-o", "jsonpath={.data.size}"]) == "L")
        // A failing test operation changes nothing and says why.
        let failed = try cluster.kubectl(["patch", "configmap", "settings", "-n", "shop", "--type", "json", "-p", #"[{"op":"test","path":"/data/size","value":"S"},{"op":"remove","path":"/data/color"}]"#])
        #expect(failed.exitCode != 0)
        #expect(try cluster.kubectlOutput(["get", "configmap", "settings", "-n", "shop", "-o", "jsonpath={.data.color}"]) == "blue")
    }

    @Test func labelAnnotateAndScale() throws {
        let cluster = try ClusterProcess()
        _ = try cluster.kubectlOutput(["apply", "-f", "-"], input: Self.app)
        _ = try cluster.kubectlOutput(["label", "configmap", "settings", "-n", "shop", "tier=backend"])
        _ = try cluster.kubectlOutput(["annotate", "configmap", "settings", "-n", "shop", "owner=team-a"])
        #expect(try cluster.kubectlOutput(["get", "configmaps", "-n", "shop", "-l", "tier=backend", "-o", "name"]) == "configmap/settings\n")
        #expect(try cluster.kubectlOutput(["get", "configmap", "settings", "-n", "shop", "-o", "jsonpath={.metadata.annotations.owner}"]) == "team-a")
        let relabel = try cluster.kubectl(["label", "configmap", "settings", "-n", "shop", "tier=frontend"])
        #expect(relabel.exitCode != 0 && relabel.standardError.contains("--overwrite"), "\(relabel.standardError)")
        _ = try cluster.kubectlOutput(["label", "configmap", "settings", "-n", "shop", "tier-"])
        #expect(try cluster.kubectlOutput(["get", "configmaps", "-n", "shop", "-l", "tier", "-o", "name"]).isEmpty)
        #expect(try cluster.kubectlOutput(["scale", "deployment", "web", "-n", "shop", "--replicas=5"]).contains("deployment.apps/web scaled"))
        #expect(try cluster.kubectlOutput(["get", "deployment", "web", "-n", "shop", "-o", "jsonpath={.spec.replicas}"]) == "5")
    }

    @Test func deleteCascadesAsKubernetesDoes() throws {
        let cluster = try ClusterProcess()
        func makeFamily(_ name: String) throws {
            try cluster.applyConfigMap(name, namespace: "default")
            let uid = try cluster.kubectlOutput(["get", "configmap", name, "-n", "default", "-o", "jsonpath={.metadata.uid}"])
            let child = """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: \(name)-child
                  namespace: default
                  ownerReferences:
                  - apiVersion: v1
                    kind: ConfigMap
                    name: \(name)
                    uid: \(uid)
                    blockOwnerDeletion: true

                """
            _ = try cluster.kubectlOutput(["apply", "-f", "-"], input: child)
        }
        func exists(_ name: String) throws -> Bool {
            try cluster.kubectl(["get", "configmap", name, "-n", "default"]).exitCode == 0
        }
        func eventually(_ condition: () throws -> Bool) rethrows -> Bool {
            for _ in 0..<200 {
                if try condition() { return true }
                Thread.sleep(forTimeInterval: 0.05)
            }
            return false
        }
        for policy in ["background", "foreground", "orphan"] { try makeFamily(policy) }
        _ = try cluster.kubectlOutput(["delete", "configmap", "background", "-n", "default", "--cascade=background"])
        #expect(try eventually { try !exists("background-child") })
        // Foreground: the owner is gone only after its dependents, so when kubectl returns both are gone.
        _ = try cluster.kubectlOutput(["delete", "configmap", "foreground", "-n", "default", "--cascade=foreground"])
        #expect(try !exists("foreground"))
        #expect(try !exists("foreground-child"))
        _ = try cluster.kubectlOutput(["delete", "configmap", "orphan", "-n", "default", "--cascade=orphan"])
        #expect(try eventually { try !exists("orphan") })
        #expect(try exists("orphan-child"))
        #expect(try cluster.kubectlOutput(["get", "configmap", "orphan-child", "-n", "default", "-o", "jsonpath={.metadata.ownerReferences}"]).isEmpty)
    }

    @Test func deploymentRolloutThenCascadingDeletes() throws {
        let cluster = try ClusterProcess()
        _ = try cluster.kubectlOutput(["apply", "-f", "-"], input: Self.app)
        _ = try cluster.kubectlOutput(["rollout", "status", "deployment/web", "-n", "shop", "--timeout=60s"])
        _ = try cluster.kubectlOutput(["wait", "--for=condition=Available", "deployment/web", "-n", "shop", "--timeout=60s"])
        #expect(try cluster.kubectlOutput(["rollout", "restart", "deployment/web", "-n", "shop"]).contains("restarted"))
        _ = try cluster.kubectlOutput(["rollout", "status", "deployment/web", "-n", "shop", "--timeout=60s"])
        let described = try cluster.kubectlOutput(["describe", "deployment", "web", "-n", "shop"])
        #expect(described.contains("ScalingReplicaSet"), "\(described)")
        // Orphan: the ReplicaSets and Pods stay, released from their owner.
        _ = try cluster.kubectlOutput(["delete", "deployment", "web", "-n", "shop", "--cascade=orphan"])
        let replicaSets = try JSONParser.parse(cluster.kubectlOutput(["get", "replicasets", "-n", "shop", "-o", "json"]))
        #expect(replicaSets["items"]?.arrayValue?.isEmpty == false)
        #expect(replicaSets["items"]?.arrayValue?.allSatisfy { $0[path: ["metadata", "ownerReferences"]] == nil } == true)
        #expect(try !cluster.kubectlOutput(["get", "pods", "-n", "shop", "-o", "name"]).isEmpty)
        // Foreground on a new Deployment: when kubectl returns, its ReplicaSet and Pods are gone too.
        _ = try cluster.kubectlOutput(["delete", "replicasets", "--all", "-n", "shop"])
        _ = try cluster.kubectlOutput(["apply", "-f", "-"], input: Self.app)
        _ = try cluster.kubectlOutput(["rollout", "status", "deployment/web", "-n", "shop", "--timeout=60s"])
        _ = try cluster.kubectlOutput(["delete", "deployment", "web", "-n", "shop", "--cascade=foreground"])
        #expect(try cluster.kubectlOutput(["get", "replicasets,pods", "-n", "shop", "-o", "name"]).isEmpty)
    }

    @Test func namespaceDeletionEmptiesItAndProtectsSystemNamespaces() throws {
        let cluster = try ClusterProcess()
        _ = try cluster.kubectlOutput(["apply", "-f", "-"], input: Self.app)
        _ = try cluster.kubectlOutput(["delete", "namespace", "shop", "--timeout=60s"])
        #expect(try cluster.kubectl(["get", "namespace", "shop"]).exitCode != 0)
        #expect(try cluster.kubectlOutput(["get", "configmaps,services,deployments", "-n", "shop", "-o", "name"]).isEmpty)
        let system = try cluster.kubectl(["delete", "namespace", "kube-system"])
        #expect(system.exitCode != 0 && system.standardError.contains("Forbidden"), "\(system.standardError)")
    }

    @Test func apiResourcesListsBuiltInGroups() throws {
        let cluster = try ClusterProcess()
        let resources = try cluster.kubectlOutput(["api-resources"])
        for entry in ["deployments", "apps/v1", "cronjobs", "ingresses", "networking.k8s.io/v1", "leases", "customresourcedefinitions", "endpointslices"] {
            #expect(resources.contains(entry), "api-resources lacks \(entry)")
        }
        let versions = try cluster.kubectlOutput(["api-versions"])
        #expect(versions.contains("rbac.authorization.k8s.io/v1") && versions.contains("autoscaling/v2"))
    }

    @Test func explainShowsTheFieldsOfBuiltInKinds() throws {
        let cluster = try ClusterProcess()
        let spec = try cluster.kubectlOutput(["explain", "deployment.spec"])
        #expect(spec.contains("KIND:       Deployment") && spec.contains("GROUP:      apps"), "\(spec)")
        for field in ["replicas\t<integer>", "selector\t<LabelSelector>", "template\t<PodTemplateSpec>", "strategy\t<DeploymentStrategy>"] {
            #expect(spec.contains(field), "explain deployment.spec lacks \(field):\n\(spec)")
        }
        let ports = try cluster.kubectlOutput(["explain", "pod.spec.containers.ports"])
        #expect(ports.contains("containerPort\t<integer>") && ports.contains("protocol\t<string>"), "\(ports)")
    }

    @Test func strictFieldValidationRefusesUnknownFieldsAndIgnoreDropsThem() throws {
        let cluster = try ClusterProcess()
        let typo = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: typo\n  namespace: default\nspec:\n  replica: 2\n  selector:\n    matchLabels: {app: t}\n  template:\n    metadata:\n      labels: {app: t}\n    spec:\n      containers: [{name: t, image: nginx}]\n"
        let refused = try cluster.kubectl(["apply", "-f", "-"], input: typo)
        #expect(refused.exitCode != 0 && refused.standardError.contains(#"unknown field "spec.replica""#), "\(refused.standardError)")
        #expect(try cluster.kubectl(["get", "deployment", "typo", "-n", "default"]).exitCode != 0)
        _ = try cluster.kubectlOutput(["apply", "--validate=false", "-f", "-"], input: typo)
        let stored = try JSONParser.parse(cluster.kubectlOutput(["get", "deployment", "typo", "-n", "default", "-o", "json"]))
        #expect(stored[path: ["spec", "replica"]] == nil)
        #expect(stored[path: ["spec", "replicas"]]?.int64Value == 1)
    }

    @Test func customResourcesAreServedOnceTheirDefinitionIsApplied() throws {
        let cluster = try ClusterProcess()
        let definition = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: widgets.example.com
            spec:
              group: example.com
              scope: Namespaced
              names:
                kind: Widget
                plural: widgets
                singular: widget
                shortNames: [wg]
              versions:
              - name: v1
                served: true
                storage: true
                subresources:
                  status: {}
                schema:
                  openAPIV3Schema:
                    type: object
                    properties:
                      spec:
                        type: object
                        properties:
                          size:
                            type: integer
                      status:
                        type: object
                        x-kubernetes-preserve-unknown-fields: true

            """
        _ = try cluster.kubectlOutput(["apply", "-f", "-"], input: definition)
        _ = try cluster.kubectlOutput(["wait", "--for=condition=Established", "crd/widgets.example.com", "--timeout=30s"])
        let widget = """
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: small
              namespace: default
            spec:
              size: 1

            """
        #expect(try cluster.kubectlOutput(["apply", "-f", "-"], input: widget).contains("widget.example.com/small created"))
        #expect(try cluster.kubectlOutput(["get", "wg", "-o", "name"]) == "widget.example.com/small\n")
        _ = try cluster.kubectlOutput(["patch", "widget", "small", "--type", "merge", "-p", #"{"spec":{"size":3}}"#])
        #expect(try cluster.kubectlOutput(["get", "widget", "small", "-o", "jsonpath={.spec.size}"]) == "3")
        let strategic = try cluster.kubectl(["patch", "widget", "small", "--type", "strategic", "-p", #"{"spec":{"size":4}}"#])
        #expect(strategic.exitCode != 0 && strategic.standardError.contains("is not supported"), "\(strategic.standardError)")
        // Fields the schema does not declare are refused under kubectl's default strict validation,
        // and pruned without it; the schema also feeds `kubectl explain`.
        let junk = widget.replacingOccurrences(of: "  size: 1", with: "  size: 1\n  junk: x")
        let refused = try cluster.kubectl(["apply", "-f", "-"], input: junk)
        #expect(refused.exitCode != 0 && refused.standardError.contains(#"unknown field "spec.junk""#), "\(refused.standardError)")
        _ = try cluster.kubectlOutput(["apply", "--validate=false", "-f", "-"], input: junk)
        #expect(try cluster.kubectlOutput(["get", "widget", "small", "-o", "jsonpath={.spec}"]) == #"{"size":1}"#)
        #expect(try cluster.kubectlOutput(["explain", "widget.spec"]).contains("size\t<integer>"))
        _ = try cluster.kubectlOutput(["delete", "widget", "small"])
        #expect(try cluster.kubectlOutput(["get", "widgets", "-o", "name"]).isEmpty)
    }

    @Test func badInputIsRefusedWithTheReasonAndNothingIsStored() throws {
        let cluster = try ClusterProcess()
        let invalid = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: Not_Valid
              namespace: default

            """
        let refused = try cluster.kubectl(["apply", "-f", "-"], input: invalid)
        #expect(refused.exitCode != 0)
        #expect(refused.standardError.contains("is invalid") && refused.standardError.contains("metadata.name"), "\(refused.standardError)")
        let unknown = try cluster.kubectl(["apply", "-f", "-"], input: "apiVersion: example.com/v1\nkind: Gadget\nmetadata:\n  name: g\n")
        #expect(unknown.exitCode != 0 && unknown.standardError.contains("no matches for kind \"Gadget\""), "\(unknown.standardError)")
        let directory = try TemporaryDirectory()
        let malformed = try directory.write("bad.json", #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"half""#)
        let rawCreate = try cluster.kubectl(["create", "--raw", "/api/v1/namespaces/default/configmaps", "-f", malformed])
        #expect(rawCreate.exitCode != 0 && rawCreate.standardError.contains("BadRequest"), "\(rawCreate.standardError)")
        #expect(try cluster.kubectlOutput(["get", "configmaps", "-n", "default", "-o", "name"]).contains("half") == false)
        #expect(try cluster.kubectl(["get", "configmap", "Not_Valid", "-n", "default"]).exitCode != 0)
    }

    @Test func restartKeepsEveryObject() throws {
        let directory = try TemporaryDirectory()
        var cluster: ClusterProcess? = try ClusterProcess(dataDirectory: directory.url)
        _ = try cluster!.kubectlOutput(["apply", "-f", "-"], input: Self.app)
        let before = try cluster!.kubectlOutput(["get", "configmaps,secrets,services,deployments,roles,ingresses", "-n", "shop", "-o", "jsonpath={range .items[*]}{.metadata.name}/{.metadata.uid}/{.metadata.resourceVersion} {end}"])
        #expect(cluster!.stop(), "the cluster did not stop on SIGTERM")
        cluster = nil
        let restarted = try ClusterProcess(dataDirectory: directory.url)
        let after = try restarted.kubectlOutput(["get", "configmaps,secrets,services,deployments,roles,ingresses", "-n", "shop", "-o", "jsonpath={range .items[*]}{.metadata.name}/{.metadata.uid}/{.metadata.resourceVersion} {end}"])
        #expect(after == before)
        #expect(after.split(separator: " ").count >= 6)
        // Writes go on from the stored resource version.
        try restarted.applyConfigMap("later", namespace: "shop")
        let version = try restarted.kubectlOutput(["get", "configmap", "later", "-n", "shop", "-o", "jsonpath={.metadata.resourceVersion}"])
        let highest = before.split(separator: " ").compactMap { $0.split(separator: "/").last.flatMap { Int($0) } }.max() ?? 0
        #expect((Int(version) ?? 0) > highest)
    }
}
