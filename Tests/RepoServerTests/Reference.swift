import Foundation
import KubeModel
import ProcessRunner

/// The reference tools the generated objects are compared with: PyYAML for plain files, kubectl
/// kustomize, jsonnet and Helm (helm-python-sdk), each run directly by the test.
enum Reference {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let python = ProcessInfo.processInfo.environment["WHARF_TEST_PYTHON"] ?? repository.appendingPathComponent(".venv/bin/python").path
    static var hasPython: Bool { FileManager.default.isExecutableFile(atPath: python) }
    static var hasKubectl: Bool { ChildProcess.locate("kubectl") != nil }
    static var hasJsonnet: Bool { ChildProcess.locate("jsonnet") != nil }

    /// Objects of a tool's YAML or JSON output.
    static func objects(_ output: Data) throws -> [JSONValue] {
        try ManifestReader.readDocuments(String(decoding: output, as: UTF8.self)).filter { !$0.isNull }
    }

    /// Runs a reference tool and returns its standard output.
    static func run(_ tool: String, _ arguments: [String], in directory: URL? = nil) async throws -> Data {
        let result = try await ChildProcess(tool, arguments: arguments, directory: directory, timeout: .seconds(120)).run()
        guard result.status == 0 else { throw ReferenceFailure(description: "\(tool) failed: \(result.errorText)") }
        return result.standardOutput
    }

    /// The objects of plain manifest files as PyYAML reads them (`List` kinds flattened), in order.
    static func plainFiles(_ files: [URL]) async throws -> [JSONValue] {
        let script = """
            import json, sys, yaml
            out = []
            def add(doc):
                if doc is None: return
                if isinstance(doc, dict) and str(doc.get("kind", "")).endswith("List") and isinstance(doc.get("items"), list):
                    for item in doc["items"]: add(item)
                else: out.append(doc)
            for path in sys.argv[1:]:
                with open(path) as handle:
                    for doc in yaml.safe_load_all(handle): add(doc)
            print(json.dumps(out))
            """
        return try objects(try await run(python, ["-c", script] + files.map(\.path)))
    }

    /// Helm's manifests for a chart and values (every document of every template), via helm-python-sdk.
    static func helm(chart: URL, values: JSONValue, name: String, namespace: String) async throws -> [JSONValue] {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-helm-ref-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let cases: JSONValue = [["id": "case", "chart": .string(chart.path), "values": values, "name": .string(name), "namespace": .string(namespace)]]
        try Data(JSONWriter.string(cases).utf8).write(to: scratch.appendingPathComponent("cases.json"))
        _ = try await run(python, [
            repository.appendingPathComponent("tools/helm/render_charts.py").path, scratch.appendingPathComponent("cases.json").path,
            scratch.appendingPathComponent("out.json").path,
        ])
        let result = try JSONParser.parse(bytes: Array(try Data(contentsOf: scratch.appendingPathComponent("out.json"))))["case"]
        guard let manifests = result?["manifests"]?.objectValue else { throw ReferenceFailure(description: "helm failed: \(result?["error"] ?? .null)") }
        var objects: [JSONValue] = []
        for (source, text) in manifests where !source.hasSuffix("NOTES.txt") {
            objects += try ManifestReader.readDocuments(text.stringValue ?? "").filter { !$0.isNull }
        }
        return objects
    }

    /// The same objects in any order: compared as sorted canonical JSON texts.
    static func sameObjects(_ left: [JSONValue], _ right: [JSONValue]) -> Bool {
        left.count == right.count && Set(left.map(canonical)) == Set(right.map(canonical)) && sorted(left) == sorted(right)
    }

    private static func sorted(_ objects: [JSONValue]) -> [String] { objects.map(canonical).sorted() }

    private static func canonical(_ value: JSONValue) -> String {
        switch value {
        case .object(let members):
            return "{" + members.keys.sorted().map { "\(JSONWriter.string(.string($0))):\(canonical(members[$0]!))" }.joined(separator: ",") + "}"
        case .array(let elements):
            return "[" + elements.map(canonical).joined(separator: ",") + "]"
        case .number(let number):
            return String(number.doubleValue)
        default:
            return JSONWriter.string(value)
        }
    }

    struct ReferenceFailure: Error, CustomStringConvertible {
        let description: String
    }
}
