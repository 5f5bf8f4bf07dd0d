import KubeModel
import PropertyBased
import Testing

struct StrategicMergePatchTests {
    private static let deploymentKind = GroupVersionKind(group: "apps", version: "v1", kind: "Deployment")
    private static let podKind = GroupVersionKind(group: "", version: "v1", kind: "Pod")
    private static let serviceKind = GroupVersionKind(group: "", version: "v1", kind: "Service")

    private static func json(_ text: String) throws -> JSONValue { try JSONParser.parse(text) }

    private static func apply(_ patch: String, to object: String, gvk: GroupVersionKind = podKind) throws -> JSONValue {
        try StrategicMergePatch.apply(try json(patch), to: try json(object), gvk: gvk)
    }

    /// The names of the elements of a list, in order.
    private static func names(_ list: JSONValue?, key: String = "name") -> [String] {
        (list?.arrayValue ?? []).map { $0[key]?.stringValue ?? "?" }
    }

    private static let pod = """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","labels":{"app":"web","tier":"front"},
         "finalizers":["a","b","c"]},
         "spec":{"containers":[
            {"name":"a","image":"a:1","args":["--x","--y"],"env":[{"name":"E1","value":"1"},{"name":"E2","value":"2"}]},
            {"name":"b","image":"b:1"},{"name":"c","image":"c:1"}],
          "tolerations":[{"key":"k1","operator":"Exists"}],
          "volumes":[{"name":"v1","emptyDir":{}},{"name":"v2","configMap":{"name":"cm"}}]}}
        """

    // MARK: - Schema

    @Test func schemaDescribesBuiltInKindsAndNotCustomResources() throws {
        let schema = PatchSchema.builtin
        #expect(schema.schemaVersion == "v1.32.0")
        let deployment = try #require(schema.type(for: Self.deploymentKind))
        #expect(deployment.definitionName == "apps.v1.Deployment")

        let podSpec = try #require(deployment.field("spec")?.type.field("template")?.type.field("spec")?.type)
        let containers = try #require(podSpec.field("containers"))
        #expect(containers.type.kind == .list)
        #expect(containers.mergesList && containers.patchMergeKey == "name")
        #expect(containers.listType == "map" && containers.listMapKeys == ["name"])
        #expect(containers.type.elementType?.definitionName == "core.v1.Container")
        let volumes = try #require(podSpec.field("volumes"))
        #expect(volumes.mergesList && volumes.retainsKeys)
        #expect(podSpec.field("tolerations")?.mergesList == false)
        #expect(podSpec.field("restartPolicy")?.type.scalarType == "string")
        #expect(podSpec.field("restartPolicy")?.patchStrategies == [], "scalars carry no patch metadata")
        #expect(podSpec.field("noSuchField") == nil)
        #expect(podSpec.fieldNames.contains("serviceAccountName"))

        let ports = try #require(schema.type(for: Self.serviceKind)?.field("spec")?.type.field("ports"))
        #expect(ports.patchMergeKey == "port" && ports.listMapKeys == ["port", "protocol"])
        let strategy = try #require(deployment.field("spec")?.type.field("strategy"))
        #expect(strategy.retainsKeys && !strategy.mergesList)

        // Maps give every key the value type; atomic structs keep their map type for server-side apply.
        let labels = try #require(deployment.field("metadata")?.type.field("labels"))
        #expect(labels.type.kind == .map)
        #expect(labels.type.field("any-key")?.type.kind == .scalar)
        #expect(schema.type(named: "meta.v1.LabelSelector")?.mapType == "atomic")
        let pdbSelector = schema.type(for: GroupVersionKind(group: "policy", version: "v1", kind: "PodDisruptionBudget"))?
            .field("spec")?.type.field("selector")
        #expect(pdbSelector?.replacesObject == true)

        #expect(schema.type(for: GroupVersionKind(group: "example.com", version: "v1", kind: "Widget")) == nil)
        #expect(schema.type(for: GroupVersionKind(group: "apps", version: "v2", kind: "Deployment")) == nil)
        #expect(StrategicMergePatch.supports(GroupVersionKind(group: "apiextensions.k8s.io", version: "v1", kind: "CustomResourceDefinition")))
    }

    // MARK: - Apply

    @Test func mapsMergeAndNullDeletes() throws {
        let result = try Self.apply(#"{"metadata":{"labels":{"tier":null,"env":"prod"},"annotations":{"a":"b"}}}"#, to: Self.pod)
        #expect(result[path: ["metadata", "labels"]] == ["app": "web", "env": "prod"])
        #expect(result[path: ["metadata", "annotations"]] == ["a": "b"])
        #expect(result[path: ["metadata", "name"]] == "p")
    }

    @Test func mergeListElementsKeepTheirPlaceAndNewOnesComeFirst() throws {
        let changed = try Self.apply(#"{"spec":{"containers":[{"name":"b","image":"b:2"}]}}"#, to: Self.pod)
        #expect(Self.names(changed[path: ["spec", "containers"]]) == ["a", "b", "c"])
        #expect(changed[path: ["spec", "containers"]]?.arrayValue?[1] == ["name": "b", "image": "b:2"])

        // kubectl puts an added element before the original elements that follow the last named one.
        let added = try Self.apply(#"{"spec":{"containers":[{"name":"d","image":"d:1"}]}}"#, to: Self.pod)
        #expect(Self.names(added[path: ["spec", "containers"]]) == ["d", "a", "b", "c"])
        let mixed = try Self.apply(#"{"spec":{"containers":[{"name":"d","image":"d:1"},{"name":"b","image":"b:2"}]}}"#, to: Self.pod)
        #expect(Self.names(mixed[path: ["spec", "containers"]]) == ["d", "a", "b", "c"])
        let reversed = try Self.apply(#"{"spec":{"containers":[{"name":"c","image":"c:2"},{"name":"a","image":"a:2"}]}}"#, to: Self.pod)
        #expect(Self.names(reversed[path: ["spec", "containers"]]) == ["b", "c", "a"])
    }

    @Test func scalarMergeListsAreSetsAndOtherListsAreReplaced() throws {
        let result = try Self.apply(
            #"{"metadata":{"finalizers":["d","b"]},"spec":{"containers":[{"name":"a","args":["--z"]}],"tolerations":[{"key":"k2"}]}}"#,
            to: Self.pod)
        #expect(result[path: ["metadata", "finalizers"]] == ["d", "a", "b", "c"])
        #expect(result[path: ["spec", "containers"]]?.arrayValue?.first?["args"] == ["--z"])
        #expect(result[path: ["spec", "tolerations"]] == [["key": "k2"]])
    }

    @Test func objectDirectives() throws {
        let replaced = try Self.apply(#"{"metadata":{"labels":{"$patch":"replace","only":"this"}}}"#, to: Self.pod)
        #expect(replaced[path: ["metadata", "labels"]] == ["only": "this"])
        let emptied = try Self.apply(#"{"metadata":{"labels":{"$patch":"delete"}}}"#, to: Self.pod)
        #expect(emptied[path: ["metadata", "labels"]] == [:])
        // A directive object for a field the original lacks is left out, as apimachinery does.
        let absent = try Self.apply(#"{"spec":{"securityContext":{"$patch":"replace","runAsUser":1}}}"#, to: Self.pod)
        #expect(absent[path: ["spec", "securityContext"]] == nil)
    }

    @Test func listElementDirectives() throws {
        let deleted = try Self.apply(
            #"{"spec":{"containers":[{"name":"b","$patch":"delete"},{"name":"a","env":[{"name":"E1","$patch":"delete"}]}]}}"#,
            to: Self.pod)
        #expect(Self.names(deleted[path: ["spec", "containers"]]) == ["a", "c"])
        #expect(Self.names(deleted[path: ["spec", "containers"]]?.arrayValue?.first?["env"]) == ["E2"])

        let replaced = try Self.apply(#"{"spec":{"containers":[{"$patch":"replace"},{"name":"z","image":"z:1"}]}}"#, to: Self.pod)
        #expect(replaced[path: ["spec", "containers"]] == [["name": "z", "image": "z:1"]])
    }

    @Test func setElementOrderOrdersAndPlacesNewElements() throws {
        let reordered = try Self.apply(#"{"spec":{"$setElementOrder/containers":[{"name":"c"},{"name":"a"},{"name":"b"}]}}"#, to: Self.pod)
        #expect(Self.names(reordered[path: ["spec", "containers"]]) == ["c", "a", "b"])
        let placed = try Self.apply(
            #"{"spec":{"$setElementOrder/containers":[{"name":"a"},{"name":"new"},{"name":"b"},{"name":"c"}],"containers":[{"name":"new","image":"n:1"}]}}"#,
            to: Self.pod)
        #expect(Self.names(placed[path: ["spec", "containers"]]) == ["a", "new", "b", "c"])
        // `b` is not in the order list; it stays ahead of `c`, which followed it in the original (kubectl agrees).
        let finalizers = try Self.apply(#"{"metadata":{"$setElementOrder/finalizers":["c","x","a"],"finalizers":["x"]}}"#, to: Self.pod)
        #expect(finalizers[path: ["metadata", "finalizers"]] == ["b", "c", "x", "a"])
    }

    /// apimachinery deletes list elements by shifting the rest within the list's storage and then
    /// appends new elements into the freed slots; `$setElementOrder` then places the elements it does
    /// not name by that shifted view, which puts `web` (not named) before the added `extra`.
    @Test func setElementOrderAfterDeletingAndAddingFollowsApimachinery() throws {
        let pod = #"{"spec":{"containers":[{"name":"web"},{"name":"sidecar"}]}}"#
        let result = try Self.apply(
            #"{"spec":{"$setElementOrder/containers":[{"name":"extra"}],"containers":[{"name":"sidecar","$patch":"delete"},{"name":"extra"}]}}"#,
            to: pod)
        #expect(Self.names(result[path: ["spec", "containers"]]) == ["web", "extra"])
        let withoutDeletion = try Self.apply(
            #"{"spec":{"$setElementOrder/containers":[{"name":"extra"}],"containers":[{"name":"extra"}]}}"#, to: pod)
        #expect(Self.names(withoutDeletion[path: ["spec", "containers"]]) == ["extra", "web", "sidecar"])
    }

    /// kubectl processes a list and its `$deleteFromPrimitiveList` in random order (a Go map walk);
    /// Wharf removes last, so a value both added and removed is removed.
    @Test func removalsFromScalarListsComeLast() throws {
        let result = try Self.apply(
            #"{"metadata":{"$deleteFromPrimitiveList/finalizers":["d","a"],"finalizers":["d"]}}"#, to: Self.pod)
        #expect(result[path: ["metadata", "finalizers"]] == ["b", "c"])
    }

    @Test func retainKeysClearsUnlistedFields() throws {
        let deployment = #"{"spec":{"replicas":1,"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1}}}}"#
        let result = try Self.apply(#"{"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}}"#, to: deployment, gvk: Self.deploymentKind)
        #expect(result == ["spec": ["replicas": 1, "strategy": ["type": "Recreate"]]])

        let volume = try Self.apply(
            #"{"spec":{"volumes":[{"name":"v1","$retainKeys":["name","secret"],"secret":{"secretName":"s"}}]}}"#, to: Self.pod)
        #expect(volume[path: ["spec", "volumes"]]?.arrayValue?.first == ["name": "v1", "secret": ["secretName": "s"]])
    }

    @Test func deleteFromPrimitiveListRemovesValues() throws {
        let result = try Self.apply(
            #"{"metadata":{"$deleteFromPrimitiveList/finalizers":["b","nope"]},"spec":{"containers":[{"name":"a","$deleteFromPrimitiveList/args":["--x"]}]}}"#,
            to: Self.pod)
        #expect(result[path: ["metadata", "finalizers"]] == ["a", "c"])
        #expect(result[path: ["spec", "containers"]]?.arrayValue?.first?["args"] == ["--y"])
    }

    /// apimachinery copies some patch values verbatim (new list elements, replaced lists, new fields),
    /// so kubectl can print leftover directives and nulls; the API server's typed decoding drops them
    /// afterwards. Wharf leaves them out of the result directly.
    @Test func directivesAndNullsNeverReachTheResult() throws {
        let result = try Self.apply(
            """
            {"spec":{"containers":[{"name":"new","image":"n:1","command":null,
                                    "env":[{"name":"GONE","$patch":"delete"},{"name":"KEPT","value":"1"}]}],
                     "tolerations":[{"key":"k2","value":null}],
                     "dnsConfig":{"$retainKeys":["options"],"options":[{"name":"ndots","value":"2"}]}}}
            """, to: Self.pod)
        #expect(result[path: ["spec", "containers"]]?.arrayValue?.first == ["name": "new", "image": "n:1", "env": [["name": "KEPT", "value": "1"]]])
        #expect(result[path: ["spec", "tolerations"]] == [["key": "k2"]])
        #expect(result[path: ["spec", "dnsConfig"]] == ["options": [["name": "ndots", "value": "2"]]])
        #expect(!JSONWriter.string(result).contains("$"))
    }

    @Test func unknownFieldsMergeAsPlainMaps() throws {
        let result = try Self.apply(
            #"{"spec":{"futureField":{"a":{"c":2}},"futureList":[3]}}"#,
            to: #"{"spec":{"futureField":{"a":{"b":1}},"futureList":[1,2]}}"#)
        #expect(result == ["spec": ["futureField": ["a": ["b": 1, "c": 2]], "futureList": [3]]])
    }

    @Test func untypedFieldsTakeAnyJSON() throws {
        #expect(PatchSchema.builtin.type(named: "apiextensions.v1.JSON")?.kind == .untyped)
        let revision = GroupVersionKind(group: "apps", version: "v1", kind: "ControllerRevision")
        let merged = try StrategicMergePatch.apply(["data": ["b": 2]], to: ["data": ["a": 1], "revision": 1], gvk: revision)
        #expect(merged == ["data": ["a": 1, "b": 2], "revision": 1])
        let replaced = try StrategicMergePatch.apply(["data": "raw"], to: ["data": ["a": 1]], gvk: revision)
        #expect(replaced == ["data": "raw"])
    }

    // MARK: - Errors

    @Test(arguments: [
        (#"{"spec":{"containers":"web"}}"#, "strategic patch: at spec.containers: the schema has a list here, but the patch gives a string"),
        (#"{"spec":{"securityContext":[1]}}"#, "strategic patch: at spec.securityContext: the schema has an object here, but the patch gives an array"),
        (#"{"spec":{"containers":[{"image":"x"}]}}"#, #"at spec.containers: element 1 of the patch list ({"image":"x"}) has no merge key "name""#),
        (#"{"spec":{"containers":[{"name":"a","env":[{"value":"1"}]}]}}"#, #"at spec.containers[name=a].env: element 1 of the patch list"#),
        (#"{"spec":{"containers":[{"name":"a","$patch":"bogus"}]}}"#, #"at spec.containers[0]: unknown $patch value "bogus" in a list element"#),
        (#"{"spec":{"containers":[{"name":"a","$patch":"merge"}]}}"#, "$patch: merge is not supported in a list"),
        (#"{"spec":{"containers":[{"$patch":"delete"}]}}"#, #"a $patch: delete element must name the element to delete by its merge key "name""#),
        (#"{"metadata":{"labels":{"$patch":"merge"}}}"#, #"at metadata.labels: unknown $patch value "merge" in an object"#),
        (#"{"metadata":{"$retainKeys":["name"],"labels":{"x":"y"}}}"#, #"at metadata: the patch sets "labels" but $retainKeys does not list it"#),
        (#"{"spec":{"$setElementOrder/containers":[{"name":"b"},{"name":"a"}],"containers":[{"name":"a"},{"name":"b"}]}}"#,
         "at spec.containers: $setElementOrder/containers must list every element of the patch list in the same order"),
        (#"{"spec":{"$setElementOrder":[]}}"#, "$setElementOrder is not a valid directive"),
        (#"{"metadata":{"$deleteFromPrimitiveList/finalizers":"a"}}"#, "must be a list of the values to remove, found string"),
    ])
    func malformedPatchesNameThePathAndTheProblem(patch: String, message: String) throws {
        #expect {
            _ = try Self.apply(patch, to: Self.pod)
        } throws: { error in
            "\(error)".contains(message)
        }
    }

    @Test func existingElementWithoutMergeKeyIsReported() throws {
        let broken = #"{"spec":{"containers":[{"name":"a"},{"image":"nameless"}]}}"#
        #expect {
            _ = try Self.apply(#"{"spec":{"containers":[{"name":"a","image":"a:2"}]}}"#, to: broken)
        } throws: { error in
            "\(error)" == #"strategic patch: at spec.containers: element 2 of the existing list ({"image":"nameless"}) has no merge key "name""#
        }
    }

    @Test func customResourcesAreUnsupported() throws {
        let widget = GroupVersionKind(group: "example.com", version: "v1", kind: "Widget")
        let error = try #require(throws: PatchError.self) {
            try StrategicMergePatch.apply(["spec": ["a": 1]], to: ["spec": ["a": 2]], gvk: widget)
        }
        #expect(error.isUnsupported)
        #expect("\(error)".contains("strategic merge patch is not supported for example.com/v1, Kind=Widget"))
        #expect("\(error)".contains("use a JSON merge patch (--type merge) instead"))
        #expect(throws: PatchError.self) {
            try StrategicMergePatch.createTwoWayPatch(original: [:], modified: [:], gvk: widget)
        }
    }

    @Test func patchAndDocumentMustBeObjects() {
        #expect(throws: PatchError.malformed("strategic", "a strategic merge patch must be a JSON object, found array")) {
            try StrategicMergePatch.apply(["x"], to: [:], gvk: Self.podKind)
        }
        #expect(throws: PatchError.self) {
            try StrategicMergePatch.apply([:], to: "text", gvk: Self.podKind)
        }
    }

    // MARK: - Two-way patches

    @Test func twoWayPatchUsesDirectivesForRemovals() throws {
        let original = try Self.json(Self.pod)
        var modified = original
        modified[path: ["metadata", "labels", "tier"]] = nil
        modified[path: ["metadata", "finalizers"]] = ["a", "c"]
        modified[path: ["spec", "containers"]] = [
            ["name": "c", "image": "c:1"],
            ["name": "a", "image": "a:2", "args": ["--x", "--y"], "env": [["name": "E1", "value": "1"], ["name": "E2", "value": "2"]]],
        ]
        let patch = try StrategicMergePatch.createTwoWayPatch(original: original, modified: modified, gvk: Self.podKind)
        #expect(patch == [
            "metadata": [
                "labels": ["tier": nil],
                "$deleteFromPrimitiveList/finalizers": ["b"],
                "$setElementOrder/finalizers": ["a", "c"],
            ],
            "spec": [
                "containers": [["name": "a", "image": "a:2"], ["name": "b", "$patch": "delete"]],
                "$setElementOrder/containers": [["name": "c"], ["name": "a"]],
            ],
        ])
        #expect(try StrategicMergePatch.apply(patch, to: original, gvk: Self.podKind) == modified)
    }

    @Test func twoWayPatchOfEqualObjectsIsEmptyAndReorderIsOnlyAnOrder() throws {
        let original = try Self.json(Self.pod)
        #expect(try StrategicMergePatch.createTwoWayPatch(original: original, modified: original, gvk: Self.podKind) == [:])
        var reordered = original
        reordered[path: ["spec", "volumes"]] = [["name": "v2", "configMap": ["name": "cm"]], ["name": "v1", "emptyDir": [:]]]
        let patch = try StrategicMergePatch.createTwoWayPatch(original: original, modified: reordered, gvk: Self.podKind)
        #expect(patch == ["spec": ["$setElementOrder/volumes": [["name": "v2"], ["name": "v1"]]]])
    }

    @Test func twoWayPatchCarriesRetainKeysForRetainKeysFields() throws {
        let original: JSONValue = ["spec": ["strategy": ["type": "RollingUpdate", "rollingUpdate": ["maxSurge": 1]]]]
        let modified: JSONValue = ["spec": ["strategy": ["type": "Recreate"]]]
        let patch = try StrategicMergePatch.createTwoWayPatch(original: original, modified: modified, gvk: Self.deploymentKind)
        #expect(patch == ["spec": ["strategy": ["type": "Recreate", "rollingUpdate": nil, "$retainKeys": ["type"]]]])

        let podOriginal = try Self.json(Self.pod)
        var podModified = podOriginal
        podModified[path: ["spec", "volumes"]] = [["name": "v1", "hostPath": ["path": "/tmp"]], ["name": "v2", "configMap": ["name": "cm"]]]
        let volumePatch = try StrategicMergePatch.createTwoWayPatch(original: podOriginal, modified: podModified, gvk: Self.podKind)
        #expect(volumePatch[path: ["spec", "volumes"]] == [["name": "v1", "hostPath": ["path": "/tmp"], "emptyDir": nil, "$retainKeys": ["hostPath", "name"]]])
        #expect(try StrategicMergePatch.apply(volumePatch, to: podOriginal, gvk: Self.podKind) == podModified)
    }

    // MARK: - Three-way patches

    @Test func threeWayPatchKeepsWhatOthersSetAndDeletesWhatTheUserDropped() throws {
        let lastApplied = try Self.json("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web","old":"x"}},
             "spec":{"replicas":2,"template":{"spec":{"containers":[
                {"name":"web","image":"nginx:1.26","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]},
                {"name":"legacy","image":"legacy:1"}]}}}}
            """)
        let live = try Self.json("""
            {"apiVersion":"apps/v1","kind":"Deployment",
             "metadata":{"name":"web","uid":"123","labels":{"app":"web","old":"x","added-by":"operator"}},
             "spec":{"replicas":5,"revisionHistoryLimit":10,"template":{"spec":{"containers":[
                {"name":"web","image":"nginx:1.26","terminationMessagePath":"/dev/termination-log",
                 "env":[{"name":"A","value":"1"},{"name":"B","value":"2"},{"name":"INJECTED","value":"yes"}]},
                {"name":"legacy","image":"legacy:1"},{"name":"mesh-proxy","image":"envoy:1"}]}}},
             "status":{"replicas":5}}
            """)
        let desired = try Self.json("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},
             "spec":{"replicas":3,"template":{"spec":{"containers":[
                {"name":"web","image":"nginx:1.27","env":[{"name":"A","value":"1"}]}]}}}}
            """)
        let patch = try StrategicMergePatch.createThreeWayPatch(original: lastApplied, modified: desired, current: live, gvk: Self.deploymentKind)
        let result = try StrategicMergePatch.apply(patch, to: live, gvk: Self.deploymentKind)

        #expect(result[path: ["metadata", "labels"]] == ["app": "web", "added-by": "operator"])
        #expect(result[path: ["metadata", "uid"]] == "123")
        #expect(result[path: ["spec", "replicas"]] == 3)
        #expect(result[path: ["spec", "revisionHistoryLimit"]] == 10)
        #expect(result["status"] == ["replicas": 5])
        let containers = result[path: ["spec", "template", "spec", "containers"]]
        #expect(Self.names(containers) == ["web", "mesh-proxy"])
        let web = containers?.arrayValue?.first
        #expect(web?["image"] == "nginx:1.27")
        #expect(web?["terminationMessagePath"] == "/dev/termination-log")
        #expect(Self.names(web?["env"]) == ["A", "INJECTED"])
    }

    @Test func threeWayPatchWithoutLastAppliedOnlyAddsAndChanges() throws {
        let live: JSONValue = ["metadata": ["name": "p", "labels": ["a": "1", "b": "2"]], "spec": ["containers": [["name": "c", "image": "c:1"]]]]
        let desired: JSONValue = ["metadata": ["name": "p", "labels": ["a": "9"]], "spec": ["containers": [["name": "c", "image": "c:1"]]]]
        let patch = try StrategicMergePatch.createThreeWayPatch(original: nil, modified: desired, current: live, gvk: Self.podKind)
        #expect(patch == ["metadata": ["labels": ["a": "9"]]])
    }

    @Test func threeWayPatchOfAnUnchangedObjectIsEmpty() throws {
        let object = try Self.json(Self.pod)
        var live = object
        live["status"] = ["phase": "Running"]
        #expect(try StrategicMergePatch.createThreeWayPatch(original: object, modified: object, current: live, gvk: Self.podKind) == [:])
    }

    // MARK: - Round trips

    /// Hand-built variations of workloads: reorders, deletions, additions, directive-worthy changes.
    private static let variants: [(GroupVersionKind, [String])] = [
        (deploymentKind, [
            #"{"metadata":{"name":"w","labels":{"a":"1"},"finalizers":["x","y"]},"spec":{"replicas":1,"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1}},"template":{"spec":{"containers":[{"name":"a","image":"a:1","ports":[{"containerPort":80},{"containerPort":443}],"env":[{"name":"E","value":"1"}]},{"name":"b","image":"b:1"}],"volumes":[{"name":"v","emptyDir":{}}]}}}}"#,
            #"{"metadata":{"name":"w","labels":{"a":"2","b":"1"},"finalizers":["y","z"]},"spec":{"replicas":3,"strategy":{"type":"Recreate"},"template":{"spec":{"containers":[{"name":"b","image":"b:2"},{"name":"a","image":"a:1","ports":[{"containerPort":443},{"containerPort":8080}]}],"volumes":[{"name":"v","configMap":{"name":"c"}}]}}}}"#,
            #"{"metadata":{"name":"w"},"spec":{"template":{"spec":{"containers":[{"name":"c","image":"c:1","args":["--v"]}],"initContainers":[{"name":"i","image":"i:1"}]}}}}"#,
            #"{"metadata":{"name":"w","finalizers":[]},"spec":{"replicas":1,"template":{"spec":{"containers":[],"tolerations":[{"key":"k"}]}}}}"#,
        ]),
        (podKind, [
            Self.pod,
            #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","finalizers":["c","a"]},"spec":{"containers":[{"name":"c","image":"c:1"},{"name":"a","image":"a:1","args":["--y"],"env":[{"name":"E2","value":"2"},{"name":"E1","value":"0"}]}],"volumes":[{"name":"v2","secret":{"secretName":"s"}}]}}"#,
            #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","labels":{"x":"y"}},"spec":{"containers":[{"name":"z","image":"z:1"}],"tolerations":[],"nodeSelector":{"disk":"ssd"}}}"#,
        ]),
        (serviceKind, [
            #"{"spec":{"selector":{"app":"a"},"ports":[{"port":80,"targetPort":8080},{"port":443,"name":"https"}]}}"#,
            #"{"spec":{"selector":{"app":"b","tier":"x"},"ports":[{"port":443,"name":"tls"},{"port":80,"targetPort":9090},{"port":8443}]}}"#,
            #"{"spec":{"type":"ExternalName","externalName":"example.com"}}"#,
        ]),
    ]

    @Test func createdTwoWayPatchesTurnEachVariantIntoEveryOther() throws {
        for (gvk, documents) in Self.variants {
            let objects = try documents.map(Self.json)
            for a in objects {
                for b in objects {
                    let patch = try StrategicMergePatch.createTwoWayPatch(original: a, modified: b, gvk: gvk)
                    let result = try StrategicMergePatch.apply(patch, to: a, gvk: gvk)
                    #expect(result == b, "\(gvk.kind): patch \(patch)\nfrom \(a)\nto \(b)\ngave \(result)")
                    let threeWay = try StrategicMergePatch.createThreeWayPatch(original: a, modified: b, current: a, gvk: gvk)
                    #expect(try StrategicMergePatch.apply(threeWay, to: a, gvk: gvk) == b, "\(gvk.kind) three-way: \(threeWay)")
                }
            }
        }
    }

    @Test func createdTwoWayPatchesTurnRandomWorkloadsIntoOthers() async {
        await propertyCheck(count: 300, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            var random = RandomJSON(seed: seed)
            let a = Self.randomDeployment(&random)
            let b = Self.randomDeployment(&random)
            do {
                let patch = try StrategicMergePatch.createTwoWayPatch(original: a, modified: b, gvk: Self.deploymentKind)
                let result = try StrategicMergePatch.apply(patch, to: a, gvk: Self.deploymentKind)
                #expect(result == b, "seed \(seed): patch \(patch)")
            } catch {
                Issue.record("seed \(seed): \(error)")
            }
        }
    }

    /// A Deployment drawn from small pools, so that two draws share, reorder and drop elements.
    private static func randomDeployment(_ random: inout RandomJSON) -> JSONValue {
        func subset(_ pool: [String]) -> [String] {
            var chosen = pool.filter { _ in random.below(3) != 0 }
            for index in chosen.indices.reversed() where index > 0 {
                chosen.swapAt(index, random.below(index + 1))
            }
            return chosen
        }
        let containers: [JSONValue] = subset(["web", "sidecar", "proxy", "agent"]).map { name in
            var container: JSONObject = ["name": .string(name), "image": .string("\(name):\(random.below(3))")]
            if random.below(2) == 0 {
                container["env"] = .array(subset(["A", "B", "C", "D"]).map { ["name": .string($0), "value": .string("\(random.below(3))")] })
            }
            if random.below(2) == 0 {
                container["ports"] = .array(subset(["80", "443", "8080"]).map { ["containerPort": .int(Int($0)!)] })
            }
            if random.below(2) == 0 { container["args"] = .array(subset(["-a", "-b", "-c"]).map(JSONValue.string)) }
            return .object(container)
        }
        let volumes: [JSONValue] = subset(["data", "config", "cache"]).map { name in
            random.below(2) == 0 ? ["name": .string(name), "emptyDir": [:]] : ["name": .string(name), "configMap": ["name": .string(name)]]
        }
        var spec: JSONObject = ["template": ["spec": ["containers": .array(containers), "volumes": .array(volumes)]]]
        if random.below(2) == 0 { spec["replicas"] = .int(random.below(4)) }
        if random.below(2) == 0 {
            spec["strategy"] = random.below(2) == 0 ? ["type": "Recreate"] : ["type": "RollingUpdate", "rollingUpdate": ["maxSurge": .int(random.below(3))]]
        }
        var metadata: JSONObject = ["name": "web"]
        let finalizers = subset(["f1", "f2", "f3"])
        if !finalizers.isEmpty { metadata["finalizers"] = .array(finalizers.map(JSONValue.string)) }
        var labels = JSONObject()
        for key in subset(["app", "tier", "team"]) { labels[key] = .string("\(random.below(2))") }
        if !labels.isEmpty { metadata["labels"] = .object(labels) }
        return ["apiVersion": "apps/v1", "kind": "Deployment", "metadata": .object(metadata), "spec": .object(spec)]
    }
}
