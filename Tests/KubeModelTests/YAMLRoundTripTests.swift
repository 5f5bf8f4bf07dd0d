import Foundation
import KubeModel
import PropertyBased
import Testing

struct YAMLRoundTripTests {
    /// Documents laid out as `kubectl get -o yaml` would, with no comments: writing what was read must
    /// give back the same text, byte for byte.
    @Test(arguments: [
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          annotations:
            deployment.kubernetes.io/revision: "3"
          labels:
            app: web
          name: web
          namespace: default
        spec:
          replicas: 3
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - args:
                - --port=8080
                - "true"
                env:
                - name: RATIO
                  value: "1.5"
                - name: EMPTY
                  value: ""
                image: nginx:1.27
                name: web
                ports:
                - containerPort: 8080
                  protocol: TCP
                resources: {}
              tolerations: []
        """,
        """
        apiVersion: v1
        data:
          config.yaml: |
            server:
              port: 8080
          script.sh: |-
            #!/bin/sh
            echo "hi"
          weight: "0.5"
          "yes": "no"
        kind: ConfigMap
        metadata:
          name: settings
        """,
        """
        zeta: 1
        alpha: 1.0
        big: 123456789012345678901234567890
        nested:
        - - a
          - b
        - key: value
          other: null
        quoted: "#not-a-comment"
        colon: "a: b"
        dash: "-"
        time: 2024-01-02T03:04:05Z
        """,
    ])
    func canonicalDocumentsRoundTripExactly(text: String) throws {
        let value = try YAMLReader.read(text)
        #expect(YAMLWriter.string(value) == text + "\n")
    }

    /// Real chart values files (with comments, anchors, odd scalars): the data must survive write + read
    /// with key order and literals unchanged.
    @Test func realWorldValuesFilesKeepTheirContent() throws {
        let files = SharedTestData.files(under: "helm-charts") { $0 == "values.yaml" || $0 == "Chart.yaml" }
        try #require(files.count >= 20, "expected the Helm charts of ../shared/testdata")
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            let documents = try YAMLReader.readAll(text, source: file.path)
            let written = YAMLWriter.string(documents: documents)
            let reread = try YAMLReader.readAll(written, source: "rewritten " + file.lastPathComponent)
            #expect(reread.count == documents.count, "\(file.path)")
            for (before, after) in zip(documents, reread) {
                #expect(before.isIdentical(to: after), "\(file.path) changed when written back")
            }
        }
    }

    @Test func randomTreesSurviveYAML() async {
        await propertyCheck(count: 300, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            var random = RandomJSON(seed: seed)
            let value = random.value()
            let written = YAMLWriter.string(value)
            let reread = try? YAMLReader.read(written)
            #expect(reread.map { $0.isIdentical(to: value) } == true, "seed \(seed): \(value) became \(written)")
        }
    }

    @Test func randomTreesSurviveJSON() async {
        await propertyCheck(count: 300, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            var random = RandomJSON(seed: seed)
            let value = random.value()
            for style in [JSONWriter.Style.compact, .pretty(indent: 2)] {
                let reread = try? JSONParser.parse(JSONWriter.string(value, style: style))
                #expect(reread.map { $0.isIdentical(to: value) } == true, "seed \(seed)")
            }
        }
    }
}
