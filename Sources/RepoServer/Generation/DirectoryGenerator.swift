import Foundation
import Helm
import KubeModel

/// Plain manifests: every `.yaml`, `.yml` and `.json` file of the source path (and its
/// subdirectories with `recurse`) that `include`/`exclude` let through, `List` kinds flattened, and
/// `.jsonnet` files evaluated with the `jsonnet` command.
enum DirectoryGenerator {
    static let manifestExtensions: Set<String> = ["yaml", "yml", "json"]

    static func generate(_ context: GenerationContext) async throws(SourceError) -> Generation {
        let options = context.source.directory ?? DirectorySourceOptions()
        // Upstream compiles these without a separator: `*` matches across directories.
        let include = options.include.isEmpty ? nil : Glob(options.include, separator: nil, braces: true)
        let exclude = options.exclude.isEmpty ? nil : Glob(options.exclude, separator: nil, braces: true)
        var objects: [JSONValue] = []
        var inputs: Set<InputPath> = [context.input(context.path)]
        var total = 0
        for file in try files(in: context.directory, recurse: options.recurse) {
            if let exclude, exclude.matches(file) { continue }
            if let include, !include.matches(file) { continue }
            let shown = context.path.isEmpty ? file : "\(context.path)/\(file)"
            let url = context.directory.appendingPathComponent(file)
            _ = try context.root.resolve(file, relativeTo: context.path, field: "file \(shown)")
            if file.hasSuffix(".jsonnet") {
                let evaluated = try await Jsonnet.evaluate(url, shownAs: shown, options: options, context: context)
                objects += evaluated.objects
                inputs.formUnion(evaluated.inputs)
                // Imports may reach anywhere in the repository: any change may change the output.
                inputs.insert(context.input(""))
                continue
            }
            let data = try context.read(url, shownAs: shown)
            total += data.count
            if total > context.limits.maxDirectoryManifestBytes {
                throw SourceError(
                    "the manifests under \(context.path.isEmpty ? "the repository root" : context.path) exceed \(context.limits.maxDirectoryManifestBytes) bytes; split the application or narrow it with directory.include/exclude")
            }
            objects += try objectsIn(String(decoding: data, as: UTF8.self), shownAs: shown)
        }
        return Generation(objects: objects, inputs: inputs)
    }

    /// The objects of one manifest file; every document must be a Kubernetes object.
    static func objectsIn(_ text: String, shownAs name: String) throws(SourceError) -> [JSONValue] {
        let documents: [JSONValue]
        do {
            documents = try ManifestReader.readDocuments(text, source: name)
        } catch {
            throw SourceError("\(error)")
        }
        for (index, document) in documents.enumerated() {
            guard document.objectValue != nil, document["apiVersion"]?.stringValue?.isEmpty == false, document["kind"]?.stringValue?.isEmpty == false
            else {
                throw SourceError(
                    "\(name): document \(index + 1) is not a Kubernetes object (it needs apiVersion and kind); leave the file out with directory.exclude")
            }
        }
        return documents
    }

    /// Candidate files relative to `directory`, in the order a depth-first walk visits them.
    private static func files(in directory: URL, recurse: Bool) throws(SourceError) -> [String] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SourceError("is not a directory")
        }
        var result: [[Substring]] = []
        if recurse {
            guard let walker = manager.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
            let prefix = directory.standardizedFileURL.path.count + 1
            for case let url as URL in walker where isCandidate(url) {
                result.append(String(url.standardizedFileURL.path.dropFirst(prefix)).split(separator: "/"))
            }
        } else {
            for name in (try? manager.contentsOfDirectory(atPath: directory.path)) ?? [] where isCandidate(directory.appendingPathComponent(name)) {
                result.append([Substring(name)])
            }
        }
        // Component by component, as a directory walk visits them ("b/c.yaml" before "b.yaml").
        result.sort { $0.lexicographicallyPrecedes($1) }
        return result.map { $0.joined(separator: "/") }
    }

    private static func isCandidate(_ url: URL) -> Bool {
        let kind = url.pathExtension.lowercased()
        guard manifestExtensions.contains(kind) || kind == "jsonnet" else { return false }
        return (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
    }
}
