import Foundation
import KubeModel
import RepoServer

/// `git`: parameter sets from a Git repository at a revision — one per directory matching
/// `directories` (with `exclude` rules taking precedence), or one per object in the JSON/YAML files
/// matching `files`.
struct GitGenerator: ApplicationSetGenerator {
    /// One `directories` entry.
    struct DirectoryRule: Sendable {
        let glob: PathGlob
        let exclude: Bool
    }

    let repoURL: String
    let revision: String
    let directories: [DirectoryRule]
    let files: [PathGlob]
    let field: String

    func generate(_ context: GeneratorContext) async throws(ApplicationSetError) -> [ParameterSet] {
        let directory: URL
        do throws(SourceError) {
            directory = try await context.git.checkout(repoURL: repoURL, revision: revision).directory
        } catch {
            throw ApplicationSetError(
                "\(field).repoURL: cannot read \(repoURL) at revision \(revision.isEmpty ? "HEAD" : revision): \(error.message); check repoURL, revision and the repository's credentials")
        }
        if !files.isEmpty { return try fileParameters(in: directory, context) }
        return directoryParameters(in: directory, context)
    }

    // MARK: - Directories

    private func directoryParameters(in root: URL, _ context: GeneratorContext) -> [ParameterSet] {
        let includes = directories.filter { !$0.exclude }, excludes = directories.filter(\.exclude)
        return RepositoryTree.directories(in: root)
            .filter { path in includes.contains { $0.glob.matches(path) } && !excludes.contains { $0.glob.matches(path) } }
            .map { Self.pathParameters(directory: $0, file: nil, goTemplate: context.goTemplate) }
    }

    /// The `path` parameters of a directory (and of the file in it, for the file generator).
    static func pathParameters(directory: String, file: String?, goTemplate: Bool) -> ParameterSet {
        let segments = directory.split(separator: "/").map(String.init)
        let basename = segments.last ?? ""
        if goTemplate {
            var path: JSONObject = [
                "path": .string(directory), "basename": .string(basename), "basenameNormalized": .string(NameNormalizer.normalize(basename)),
                "segments": .array(segments.map(JSONValue.string)),
            ]
            if let file {
                path["filename"] = .string(file)
                path["filenameNormalized"] = .string(NameNormalizer.normalize(file))
            }
            return ["path": .object(path)]
        }
        var parameters: ParameterSet = [
            "path": .string(directory), "path.basename": .string(basename), "path.basenameNormalized": .string(NameNormalizer.normalize(basename)),
        ]
        for (index, segment) in segments.enumerated() { parameters["path[\(index)]"] = .string(segment) }
        if let file {
            parameters["path.filename"] = .string(file)
            parameters["path.filenameNormalized"] = .string(NameNormalizer.normalize(file))
        }
        return parameters
    }

    // MARK: - Files

    private func fileParameters(in root: URL, _ context: GeneratorContext) throws(ApplicationSetError) -> [ParameterSet] {
        var result: [ParameterSet] = []
        for path in RepositoryTree.files(in: root) where files.contains(where: { $0.matches(path) }) {
            let documents: [JSONValue]
            do {
                let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
                let value = try YAMLReader.read(text, source: path)
                documents = value.arrayValue ?? [value]
            } catch {
                throw ApplicationSetError("\(field).files: \(path) in \(repoURL) is not valid JSON or YAML: \(error); fix the file or narrow the path pattern")
            }
            let directory = path.split(separator: "/").dropLast().joined(separator: "/")
            let file = String(path.split(separator: "/").last ?? "")
            for document in documents {
                guard let members = document.objectValue else {
                    throw ApplicationSetError("\(field).files: \(path) in \(repoURL) must hold a mapping (or a list of mappings), found \(document.typeName)")
                }
                var parameters: ParameterSet = [:]
                if context.goTemplate {
                    for (key, value) in members { parameters[key] = value }
                } else {
                    Self.flatten(.object(members), prefix: "", into: &parameters)
                }
                for (key, value) in Self.pathParameters(directory: directory, file: file, goTemplate: context.goTemplate) { parameters[key] = value }
                result.append(parameters)
            }
        }
        return result
    }

    /// Nested members as dotted keys (`cluster.name`), array elements by index (`hosts.0`), as
    /// upstream flattens file contents for fasttemplate.
    static func flatten(_ value: JSONValue, prefix: String, into parameters: inout ParameterSet) {
        switch value {
        case .object(let members) where !members.isEmpty:
            for (key, member) in members { flatten(member, prefix: prefix.isEmpty ? key : "\(prefix).\(key)", into: &parameters) }
        case .array(let elements) where !elements.isEmpty:
            for (index, element) in elements.enumerated() { flatten(element, prefix: "\(prefix).\(index)", into: &parameters) }
        default:
            if !prefix.isEmpty { parameters[prefix] = .string(value.isNull ? "" : value.parameterText) }
        }
    }
}
