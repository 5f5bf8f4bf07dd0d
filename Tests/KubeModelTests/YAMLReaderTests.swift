import KubeModel
import Testing

struct YAMLReaderTests {
    @Test func resolvesScalarsTheWayKubectlDoes() throws {
        let value = try YAMLReader.read(
            """
            plainTrue: yes
            plainOff: off
            y: y
            quotedYes: "yes"
            mode: 0644
            hex: 0x1F
            under: 1_000
            float: 1.0
            exp: 1e3
            dotFloat: .5
            nothing: ~
            empty:
            date: 2024-01-02
            version: "1.20"
            plainVersion: 1.20
            tagged: !!str 123
            text: hello world
            """)
        #expect(value["plainTrue"] == true)
        #expect(value["plainOff"] == false)
        #expect(value["true"] == true, "the key y is a boolean too, and keys become their text")
        #expect(value["quotedYes"] == "yes")
        #expect(value["mode"] == 420)
        #expect(value["hex"] == 31)
        #expect(value["under"] == 1000)
        #expect(value["float"]?.numberValue?.literal == "1.0")
        #expect(value["exp"]?.numberValue?.literal == "1e3")
        #expect(value["dotFloat"] == 0.5)
        #expect(value["nothing"] == .null)
        #expect(value["empty"] == .null)
        #expect(value["date"] == "2024-01-02")
        #expect(value["version"] == "1.20")
        #expect(value["plainVersion"]?.numberValue?.literal == "1.20")
        #expect(value["tagged"] == "123")
        #expect(value["text"] == "hello world")
    }

    @Test func keepsKeyOrderAndExpandsAnchorsAndMerges() throws {
        let value = try YAMLReader.read(
            """
            defaults: &defaults
              image: nginx
              pullPolicy: Always
            first:
              <<: *defaults
              pullPolicy: IfNotPresent
            zeta: 1
            alpha: 2
            """)
        #expect(Array(value.objectValue!.keys) == ["defaults", "first", "zeta", "alpha"])
        #expect(value["first"] == ["pullPolicy": "IfNotPresent", "image": "nginx"])
    }

    @Test func readsMultipleDocumentsAndSkipsEmptyOnes() throws {
        let documents = try YAMLReader.readAll(
            """
            ---
            # only a comment
            ---
            a: 1
            ---
            ---
            b: 2
            """)
        #expect(documents == [["a": 1], ["b": 2]])
    }

    @Test func duplicateKeysNameBothLines() {
        #expect {
            _ = try YAMLReader.readAll("a: 1\n---\nname: x\nspec: {}\nname: y\n", source: "app.yaml")
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("app.yaml: document 2, line 3") && text.contains("duplicate key \"name\"")
        }
    }

    @Test func malformedYAMLNamesFileDocumentAndLine() {
        #expect {
            _ = try YAMLReader.readAll("a: 1\n---\nb: [1, 2\nc: 3\n", source: "bad.yaml")
        } throws: { error in
            guard let error = error as? DocumentError else { return false }
            return error.source == "bad.yaml" && error.documentIndex == 2 && error.line != nil
                && !"\(error)".contains("\n")
        }
    }

    @Test func keysThatMeanTheSameAreDuplicates() {
        #expect {
            _ = try YAMLReader.read("y: 1\n\"true\": 2\n")
        } throws: { error in
            "\(error)".contains("duplicate key \"true\"") && "\(error)".contains("line 2")
        }
    }

    @Test func infinityIsRejectedWithAHint() {
        #expect {
            _ = try YAMLReader.read("value: .inf")
        } throws: { error in
            "\(error)".contains("cannot be represented in JSON") && "\(error)".contains("line 1")
        }
    }
}
