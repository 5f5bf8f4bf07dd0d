import KubeModel
import Testing

struct ManifestReaderTests {
    @Test func flattensListKindsAndJSONArrays() throws {
        let yaml = """
            apiVersion: v1
            kind: List
            items:
            - {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}
            - apiVersion: v1
              kind: ServiceList
              items:
              - {apiVersion: v1, kind: Service, metadata: {name: b}}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: c}
            """
        #expect(try ManifestReader.readObjects(yaml).map(\.name) == ["a", "b", "c"])
        let json = #"[{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"}}] {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"y"}}"#
        #expect(try ManifestReader.readObjects(json).map(\.name) == ["x", "y"])
    }

    @Test func objectErrorsNameTheDocument() {
        #expect {
            _ = try ManifestReader.readObjects("apiVersion: v1\nkind: A\n---\nkind: B\n", source: "app.yaml")
        } throws: { error in
            "\(error)" == "app.yaml: document 2: object has no apiVersion; set apiVersion (for example apps/v1)"
        }
        #expect {
            _ = try ManifestReader.readDocuments("{\"a\": 1}\n{\"b\": }", source: "stream.json")
        } throws: { error in
            "\(error)".hasPrefix("stream.json: document 2, line 2")
        }
    }
}
