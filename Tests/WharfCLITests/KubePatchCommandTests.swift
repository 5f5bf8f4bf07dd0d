import KubeModel
import Testing

@Suite(.mayBlock)
struct KubePatchCommandTests {
    private let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 1
          template:
            spec:
              containers:
              - name: web
                image: nginx:1.26
        """

    @Test func patchesWithEachTypeAndPrintsYAMLOrJSON() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("deploy.yaml", deployment)

        let merge = try CommandRunner.wharf(["kube", "patch", "-f", file, "--type", "merge", "-p", #"{"spec":{"replicas":3}}"#])
        #expect(merge.exitCode == 0, "\(merge.standardError)")
        #expect(merge.standardOutput.contains("replicas: 3"))
        #expect(merge.standardOutput.hasPrefix("apiVersion: apps/v1\nkind: Deployment\n"), "input key order is kept")

        let json = try CommandRunner.wharf([
            "kube", "patch", "-f", file, "--type", "json", "-o", "json",
            "-p", #"[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"nginx:1.27"}]"#,
        ])
        #expect(json.exitCode == 0, "\(json.standardError)")
        let patched = try JSONParser.parse(json.standardOutput)
        #expect(patched[path: ["spec", "template", "spec"]]?["containers"]?.arrayValue?.first?["image"] == "nginx:1.27")

        let fromStandardInput = try CommandRunner.wharf(
            ["kube", "patch", "-f", "-", "--type", "merge", "-p", "metadata: {labels: {tier: web}}"], input: deployment)
        #expect(fromStandardInput.exitCode == 0, "\(fromStandardInput.standardError)")
        #expect(fromStandardInput.standardOutput.contains("labels:\n    tier: web"))
    }

    /// Bad input of every kind: one clear line on standard error naming what and where, a non-zero
    /// exit code, and no crash.
    @Test(arguments: [
        ("malformed.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [broken\n", "merge", "{}",
         "malformed.yaml: document 1, line"),
        ("duplicate.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n", "merge", "{}",
         "duplicate key \"name\""),
        ("ok.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n", "json", #"{"op":"add"}"#,
         "json patch: a JSON patch must be an array of operations, found object"),
        ("ok.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n", "json",
         #"[{"op":"test","path":"/metadata/name","value":"b"}]"#, "ConfigMap/a: json patch: at /metadata/name: test failed"),
        ("ok.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n", "merge", #"["x"]"#,
         "merge patch: a merge patch for an object must be a JSON object, found array"),
        ("ok.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n", "merge", #"{"a": }"#, "patch: line 1, column 7"),
        ("nokind.yaml", "apiVersion: v1\nmetadata:\n  name: a\n", "merge", "{}", "object has no kind"),
    ])
    func badInputGivesOneClearLine(file: String, content: String, type: String, patch: String, message: String) throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(file, content)
        let result = try CommandRunner.wharf(["kube", "patch", "-f", path, "--type", type, "-p", patch])
        #expect(result.exitCode != 0)
        #expect(result.standardOutput.isEmpty)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 1, "expected one line, got: \(result.standardError)")
        #expect(result.standardError.hasPrefix("error: "))
        #expect(result.standardError.contains(message), "\(result.standardError)")
    }

    @Test func missingFileIsNamed() throws {
        let result = try CommandRunner.wharf(["kube", "patch", "-f", "/nonexistent/deploy.yaml", "-p", "{}"])
        #expect(result.exitCode == 1)
        #expect(result.standardError == "error: /nonexistent/deploy.yaml: no such file\n")
    }
}
