import ArgumentParser
import Foundation
import KubeModel

/// `wharf kube patch`: `kubectl patch --local` without kubectl — applies a strategic, merge or JSON
/// patch to the objects in a file and prints the result.
struct KubePatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "patch",
        abstract: "Patch the objects in a manifest file offline, like 'kubectl patch --local'.",
        discussion: """
            Examples:
              wharf kube patch -f deploy.yaml -p '{"spec":{"replicas":3}}'
              wharf kube patch -f deploy.yaml --type json -p '[{"op":"replace","path":"/spec/replicas","value":3}]' -o json
            """
    )

    /// The patch types kubectl offers.
    enum PatchType: String, ExpressibleByArgument, CaseIterable {
        case strategic, merge, json
    }

    @Option(name: [.customShort("f"), .customLong("filename")], help: "The manifest file to patch ('-' for standard input).")
    var filename: String

    @Option(name: .customLong("type"), help: "The patch type: strategic, merge or json.")
    var patchType: PatchType = .strategic

    @Option(name: [.customShort("p"), .customLong("patch")], help: "The patch, as JSON or YAML.")
    var patch: String?

    @Option(name: .customLong("patch-file"), help: "A file holding the patch, instead of -p.")
    var patchFile: String?

    @Option(name: [.customShort("o"), .customLong("output")], help: "Output format: yaml or json.")
    var output: OutputFormat = .yaml

    func validate() throws {
        if (patch == nil) == (patchFile == nil) {
            throw ValidationError("give the patch with exactly one of -p/--patch or --patch-file")
        }
    }

    func run() throws {
        try reportingFailures {
            let source = InputFile.displayName(filename)
            let objects = try ManifestReader.readDocuments(try InputFile.read(filename), source: source)
            guard !objects.isEmpty else { throw CommandFailure("\(source): no objects to patch") }
            let patchDocument = try readPatch()
            var patched: [JSONValue] = []
            for (position, object) in objects.enumerated() {
                let kubeObject = try KubeObject(object)
                do {
                    patched.append(try apply(patchDocument, to: object, gvk: kubeObject.groupVersionKind))
                } catch {
                    let where_ = objects.count > 1 ? " (document \(position + 1))" : ""
                    throw CommandFailure("\(source)\(where_): \(kubeObject.kind)/\(kubeObject.name): \(error)")
                }
            }
            print(output.render(patched), terminator: "")
        }
    }

    private func readPatch() throws -> JSONValue {
        let text = try patchFile.map(InputFile.read) ?? patch ?? ""
        let name = patchFile.map(InputFile.displayName) ?? "patch"
        let trimmed = text.drop(while: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
        do {
            if trimmed.hasPrefix("{") || trimmed.hasPrefix("[") {
                return try JSONParser.parse(text)
            }
            return try YAMLReader.read(text)
        } catch {
            var located = error
            located.source = name
            throw CommandFailure("\(located)")
        }
    }

    private func apply(_ patchDocument: JSONValue, to object: JSONValue, gvk: GroupVersionKind) throws -> JSONValue {
        switch patchType {
        case .json:
            return try JSONPatch(json: patchDocument).apply(to: object)
        case .merge:
            return try MergePatch.applyChecked(patchDocument, to: object)
        case .strategic:
            return try StrategicMergePatch.apply(patchDocument, to: object, gvk: gvk)
        }
    }
}
