import KubeModel
import PropertyBased
import Testing

struct JSONPatchTests {
    private let deployment: JSONValue = [
        "metadata": ["name": "web", "labels": ["app": "web"]],
        "spec": ["replicas": 1, "containers": [["name": "a", "image": "x"], ["name": "b", "image": "y"]]],
    ]

    private func patch(_ text: String) throws -> JSONPatch {
        try JSONPatch(json: JSONParser.parse(text))
    }

    @Test func appliesEveryOperation() throws {
        let result = try patch(
            """
            [
              {"op": "test", "path": "/metadata/name", "value": "web"},
              {"op": "replace", "path": "/spec/replicas", "value": 3},
              {"op": "add", "path": "/spec/containers/1", "value": {"name": "mid", "image": "m"}},
              {"op": "add", "path": "/spec/containers/-", "value": {"name": "last", "image": "l"}},
              {"op": "remove", "path": "/spec/containers/0"},
              {"op": "copy", "from": "/metadata/labels", "path": "/spec/selector"},
              {"op": "move", "from": "/metadata/labels/app", "path": "/metadata/labels/app.kubernetes.io~1name"}
            ]
            """
        ).apply(to: deployment)
        #expect(result["spec"]?["replicas"] == 3)
        #expect(result["spec"]?["containers"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["mid", "b", "last"])
        #expect(result["spec"]?["selector"] == ["app": "web"])
        #expect(result["metadata"]?["labels"] == ["app.kubernetes.io/name": "web"])
    }

    @Test func failedTestLeavesNothingAppliedAndSaysWhere() throws {
        let document = deployment
        #expect {
            _ = try patch(#"[{"op":"replace","path":"/spec/replicas","value":5},{"op":"test","path":"/metadata/name","value":"api"}]"#)
                .apply(to: document)
        } throws: { error in
            guard let error = error as? PatchError else { return false }
            return error.isTestFailure && error.path == "/metadata/name" && "\(error)".contains("expected \"api\"")
        }
        #expect(document["spec"]?["replicas"] == 1)
    }

    @Test(arguments: [
        (#"{"op":"add"}"#, "must be an array"),
        (#"[{"op":"frobnicate","path":"/a"}]"#, "unknown op \"frobnicate\""),
        (#"[{"op":"add","path":"/a"}]"#, "needs a \"value\""),
        (#"[{"op":"remove","path":"/spec/nothing"}]"#, "no member \"nothing\""),
        (#"[{"op":"add","path":"/spec/containers/9","value":1}]"#, "out of range"),
        (#"[{"op":"replace","path":"/missing","value":1}]"#, "replace needs an existing value"),
        (#"[{"op":"add","path":"spec","value":1}]"#, "must be empty or start with '/'"),
        (#"[{"op":"move","from":"/spec","path":"/spec/inner"}]"#, "own children"),
    ])
    func badPatchesGiveClearErrors(text: String, message: String) {
        #expect {
            _ = try patch(text).apply(to: deployment)
        } throws: { error in
            "\(error)".contains(message) && "\(error)".hasPrefix("json patch")
        }
    }

    @Test func pointerEscapesRoundTrip() throws {
        let pointer = try JSONPointer(parsing: "/a~1b/c~0d/0")
        #expect(pointer.tokens == ["a/b", "c~d", "0"])
        #expect(pointer.description == "/a~1b/c~0d/0")
    }

    @Test func createdPatchTurnsAIntoB() async {
        await propertyCheck(count: 500, input: Gen.uint64(in: 0...UInt64.max), Gen.bool) { seed, related in
            var random = RandomJSON(seed: seed)
            let a = random.value()
            let b = related ? random.mutation(of: a) : random.value()
            let created = JSONPatch.create(from: a, to: b)
            let result = try? created.apply(to: a)
            // RFC 6902 objects are unordered, so member order may differ; literals may not.
            #expect(result.map { $0.withSortedKeys.isIdentical(to: b.withSortedKeys) } == true, "seed \(seed): \(created.json)")
            // The patch document survives being written and read back.
            let reread = try? JSONPatch(json: JSONParser.parse(JSONWriter.string(created.json)))
            #expect(reread == created)
        }
    }
}
