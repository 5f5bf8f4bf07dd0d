import Foundation
import KubeModel

/// Kustomize sources: the Application's overrides applied to a private copy of the kustomization,
/// then `kustomize build` (or `kubectl kustomize`, which embeds kustomize) with the configured build
/// options.
enum KustomizeGenerator {
    static func generate(_ context: GenerationContext, buildOptions: [String]) async throws(SourceError) -> Generation {
        var inputs: Set<InputPath> = [context.input(context.path)]
        var visited: Set<String> = []
        try collectInputs(of: context.path, context: context, into: &inputs, visited: &visited)
        var directory = context.directory
        var workingCopy: URL?
        defer { if let workingCopy { try? FileManager.default.removeItem(at: workingCopy.deletingLastPathComponent()) } }
        if let options = context.source.kustomize, options.hasOverrides {
            let copy = try await privateCopy(of: context)
            workingCopy = copy
            directory = context.path.isEmpty ? copy : copy.appendingPathComponent(context.path)
            try applyOverrides(options, in: directory)
        }
        let tool: (String, [String]) = ToolRunner.exists("kustomize") ? ("kustomize", ["build"]) : ("kubectl", ["kustomize"])
        guard ToolRunner.exists(tool.0) else {
            throw SourceError("Kustomize sources need kustomize or kubectl on the repo server's PATH; neither is installed")
        }
        let root = workingCopy ?? context.root.url
        let output = try await context.tools.run(
            tool.0, tool.1 + [directory.path] + buildOptions, in: directory, hiding: root, what: context.path.isEmpty ? "." : context.path)
        let objects = try DirectoryGenerator.objectsIn(String(decoding: output, as: UTF8.self), shownAs: "kustomize build \(context.path)")
        return Generation(objects: objects, inputs: inputs)
    }

    /// A copy of the whole checkout made of hard links (cheap, and the original stays untouched because
    /// edits replace files instead of writing into them), so that relative bases keep working.
    private static func privateCopy(of context: GenerationContext) async throws(SourceError) -> URL {
        let scratch = context.scratch.appendingPathComponent("kustomize-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        } catch {
            throw SourceError("cannot create a working copy for kustomize: \(error.localizedDescription)")
        }
        let copy = scratch.appendingPathComponent("repo")
        do {
            _ = try await context.tools.run("cp", ["-al", context.root.url.path, copy.path])
        } catch {
            // Hard links fail across file systems; a real copy always works.
            _ = try await context.tools.run("cp", ["-a", context.root.url.path, copy.path])
        }
        return copy
    }

    private static func applyOverrides(_ options: KustomizeSourceOptions, in directory: URL) throws(SourceError) {
        guard let name = SourceType.kustomizationFiles.first(where: { FileManager.default.fileExists(atPath: directory.appendingPathComponent($0).path) })
        else { throw SourceError("no kustomization.yaml found to apply spec.source.kustomize to") }
        let file = directory.appendingPathComponent(name)
        let document: JSONValue
        do {
            document = try YAMLReader.read(String(decoding: FileManager.default.contents(atPath: file.path) ?? Data(), as: UTF8.self), source: name)
        } catch {
            throw SourceError("\(error)")
        }
        let edited = try KustomizationEditor(options: options).edit(document) { component in
            FileManager.default.fileExists(atPath: directory.appendingPathComponent(component).path)
        }
        do {
            // Written to a new file and renamed over the old one: the hard-linked original is not touched.
            try Data(YAMLWriter.string(edited).utf8).write(to: file, options: .atomic)
        } catch {
            throw SourceError("cannot write the edited kustomization: \(error.localizedDescription)")
        }
    }

    /// The kustomization fields that name local files or directories.
    private static let pathLists = ["resources", "bases", "components", "crds", "patchesStrategicMerge", "generators", "transformers", "validators"]
    private static let pathFields = ["patches", "patchesJson6902", "replacements"]
    private static let generatorLists = ["configMapGenerator", "secretGenerator"]

    /// Adds every local path a kustomization reads (following bases into their kustomizations) and
    /// refuses paths that leave the repository.
    private static func collectInputs(of path: String, context: GenerationContext, into inputs: inout Set<InputPath>, visited: inout Set<String>) throws(SourceError) {
        guard visited.insert(path).inserted else { return }
        let directory = path.isEmpty ? context.root.url : context.root.url.appendingPathComponent(path)
        guard let name = SourceType.kustomizationFiles.first(where: { FileManager.default.fileExists(atPath: directory.appendingPathComponent($0).path) })
        else { return }
        let shown = path.isEmpty ? name : "\(path)/\(name)"
        let document: JSONValue
        do {
            document = try YAMLReader.read(String(decoding: try context.read(directory.appendingPathComponent(name), shownAs: shown), as: UTF8.self), source: shown)
        } catch let error as SourceError {
            throw error
        } catch {
            throw SourceError("\(error)")
        }
        var references: [String] = []
        for key in pathLists { references += (document[key]?.arrayValue ?? []).compactMap(\.stringValue) }
        for key in pathFields { references += (document[key]?.arrayValue ?? []).compactMap { $0["path"]?.stringValue } }
        for key in generatorLists {
            for generator in document[key]?.arrayValue ?? [] {
                references += (generator["files"]?.arrayValue ?? []).compactMap { $0.stringValue.map(fileOfGeneratorEntry) }
                references += (generator["envs"]?.arrayValue ?? []).compactMap(\.stringValue)
                if let env = generator["env"]?.stringValue { references.append(env) }
            }
        }
        for reference in references where !isRemote(reference) && !reference.contains("\n") {
            let resolved = try context.root.resolve(reference, relativeTo: path, field: "\(shown): \(reference)")
            inputs.insert(context.input(resolved.relative))
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: resolved.url.path, isDirectory: &isDirectory), isDirectory.boolValue {
                try collectInputs(of: resolved.relative, context: context, into: &inputs, visited: &visited)
            }
        }
    }

    /// `key=path` entries of generator `files` name their file after the `=`.
    private static func fileOfGeneratorEntry(_ entry: String) -> String {
        entry.firstIndex(of: "=").map { String(entry[entry.index(after: $0)...]) } ?? entry
    }

    /// Remote bases (URLs and `github.com/...` style references) are kustomize's to fetch.
    private static func isRemote(_ reference: String) -> Bool {
        reference.contains("://") || reference.hasPrefix("github.com/") || reference.hasPrefix("git@") || reference.contains("?ref=")
    }
}
