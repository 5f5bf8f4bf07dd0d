import KubeModel
import PropertyBased
import Testing

struct MergePatchTests {
    /// The examples of RFC 7386, appendix A.
    @Test(arguments: [
        (#"{"a":"b"}"#, #"{"a":"c"}"#, #"{"a":"c"}"#),
        (#"{"a":"b"}"#, #"{"b":"c"}"#, #"{"a":"b","b":"c"}"#),
        (#"{"a":"b"}"#, #"{"a":null}"#, #"{}"#),
        (#"{"a":"b","b":"c"}"#, #"{"a":null}"#, #"{"b":"c"}"#),
        (#"{"a":["b"]}"#, #"{"a":"c"}"#, #"{"a":"c"}"#),
        (#"{"a":"c"}"#, #"{"a":["b"]}"#, #"{"a":["b"]}"#),
        (#"{"a":{"b":"c"}}"#, #"{"a":{"b":"d","c":null}}"#, #"{"a":{"b":"d"}}"#),
        (#"{"a":[{"b":"c"}]}"#, #"{"a":[1]}"#, #"{"a":[1]}"#),
        (#"["a","b"]"#, #"["c","d"]"#, #"["c","d"]"#),
        (#"{"a":"b"}"#, #"["c"]"#, #"["c"]"#),
        (#"{"a":"foo"}"#, "null", "null"),
        (#"{"a":"foo"}"#, #""bar""#, #""bar""#),
        (#"{"e":null}"#, #"{"a":1}"#, #"{"e":null,"a":1}"#),
        (#"[1,2]"#, #"{"a":"b","c":null}"#, #"{"a":"b"}"#),
        (#"{}"#, #"{"a":{"bb":{"ccc":null}}}"#, #"{"a":{"bb":{}}}"#),
    ])
    func rfcExamples(target: String, patch: String, expected: String) throws {
        let result = MergePatch.apply(try JSONParser.parse(patch), to: try JSONParser.parse(target))
        #expect(result == (try JSONParser.parse(expected)))
    }

    @Test func nonObjectPatchOfAnObjectIsRejected() {
        #expect {
            _ = try MergePatch.applyChecked(["a"], to: ["kind": "Deployment"])
        } throws: { error in
            "\(error)" == "merge patch: a merge patch for an object must be a JSON object, found array"
        }
    }

    @Test func createdPatchTurnsAIntoB() async {
        await propertyCheck(count: 500, input: Gen.uint64(in: 0...UInt64.max), Gen.bool) { seed, related in
            var random = RandomJSON(seed: seed)
            // RFC 7386 cannot set an object member to null, so the target has none.
            let a: JSONValue = ["root": random.value()]
            let b: JSONValue = related
                ? ["root": random.mutation(of: a["root"]!, allowNullInObjects: false)]
                : ["root": random.value(allowNullInObjects: false)]
            guard !Self.hasNullMember(b) else { return }
            let patch = MergePatch.create(from: a, to: b)
            #expect(MergePatch.apply(patch, to: a) == b, "seed \(seed): patch \(patch)")
        }
    }

    @Test func threeWayKeepsFieldsOnlyTheServerSet() throws {
        let original: JSONValue = ["spec": ["a": 1, "gone": true]]
        let desired: JSONValue = ["spec": ["a": 2]]
        let live: JSONValue = ["spec": ["a": 1, "gone": true, "defaulted": "x"], "status": ["ready": true]]
        let patch = MergePatch.createThreeWay(original: original, modified: desired, current: live)
        #expect(patch == ["spec": ["a": 2, "gone": nil]])
        #expect(MergePatch.apply(patch, to: live) == ["spec": ["a": 2, "defaulted": "x"], "status": ["ready": true]])
    }

    private static func hasNullMember(_ value: JSONValue) -> Bool {
        switch value {
        case .object(let members): members.values.contains { $0.isNull || hasNullMember($0) }
        case .array(let elements): elements.contains(where: hasNullMember)
        default: false
        }
    }
}
