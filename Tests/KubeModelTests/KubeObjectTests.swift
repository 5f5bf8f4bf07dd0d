import KubeModel
import Testing

struct KubeObjectTests {
    private let manifest = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
          uid: 1234
          resourceVersion: "42"
          generation: 7
          deletionTimestamp: "2026-01-01T00:00:00Z"
          finalizers: [foregroundDeletion]
          labels: {app: web}
          annotations: {note: hi}
          ownerReferences:
          - {apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: web, uid: abc, controller: true}
        spec:
          unknownField: kept
        """

    @Test func readsObjectMeta() throws {
        let object = try #require(ManifestReader.readObjects(manifest).first)
        #expect(object.groupVersionKind == GroupVersionKind(group: "apps", version: "v1", kind: "Deployment"))
        #expect(object.key == ResourceKey(group: "apps", kind: "Deployment", namespace: "shop", name: "web"))
        #expect(object.resourceVersion == "42")
        #expect(object.generation == 7)
        #expect(object.isBeingDeleted)
        #expect(object.finalizers == ["foregroundDeletion"])
        #expect(object.labels == ["app": "web"])
        #expect(object.annotations == ["note": "hi"])
        #expect(object.controllerReference?.kind == "Rollout")
        #expect(object[path: "spec", "unknownField"] == "kept")
    }

    @Test func editsKeepEverythingElse() throws {
        var object = try #require(ManifestReader.readObjects(manifest).first)
        object.setLabel("tier", "frontend")
        object.setAnnotation("note", nil)
        object.finalizers = []
        object.namespace = nil
        #expect(object.labels == ["app": "web", "tier": "frontend"])
        #expect(object.annotations.isEmpty)
        #expect(object.content[path: ["metadata", "finalizers"]] == nil)
        #expect(object.namespace == nil)
        #expect(object[path: "spec", "unknownField"] == "kept")
        #expect(Array(object.content["metadata"]!.objectValue!.keys.prefix(2)) == ["name", "uid"])
    }

    @Test func requiresApiVersionAndKind() {
        #expect { try KubeObject(["kind": "Pod"]) } throws: { "\($0)".contains("no apiVersion") }
        #expect { try KubeObject(["apiVersion": "v1"]) } throws: { "\($0)".contains("no kind") }
        #expect { try KubeObject(["a"]) } throws: { "\($0)".contains("must be a mapping") }
    }
}
