import KubeModel

/// One entry of `spec.generators` (or of a matrix's or merge's `generators`): the generator, the
/// post-selector over its parameters, and the template it lays over the ApplicationSet's own.
struct GeneratorEntry: Sendable {
    let generator: any ApplicationSetGenerator
    /// `selector`: keeps only the parameter sets whose (string) parameters it matches.
    let selector: LabelSelector?
    /// The generator's `template`, merged over `spec.template` for its Applications.
    let template: JSONValue?
    /// The entry as written, for matrix interpolation.
    let raw: JSONValue
    /// Where the entry is, such as `spec.generators[0]`, for messages.
    let field: String

    /// Reads an entry.
    /// - Throws: ``ApplicationSetError`` naming the field when the entry names no known generator or is malformed.
    init(_ raw: JSONValue, field: String) throws(ApplicationSetError) {
        self.raw = raw
        self.field = field
        guard raw.objectValue != nil else { throw ApplicationSetError("\(field) must be a mapping, found \(raw.typeName)") }
        if let selector = raw["selector"], !selector.isNull {
            do throws(SelectorError) {
                self.selector = try LabelSelector(json: selector)
            } catch {
                throw ApplicationSetError("\(field).selector: \(error)")
            }
        } else {
            selector = nil
        }
        let kinds = ["list", "clusters", "git", "matrix", "merge"].filter { raw[$0].map { !$0.isNull } ?? false }
        guard kinds.count == 1, let kind = kinds.first, let body = raw[kind] else {
            let found = kinds.isEmpty ? "none" : kinds.joined(separator: ", ")
            throw ApplicationSetError("\(field) must name exactly one of list, clusters, git, matrix, merge (found \(found)); other generators are not supported yet")
        }
        let bodyField = "\(field).\(kind)"
        template = body["template"]
        switch kind {
        case "list":
            generator = ListGenerator(elements: body["elements"]?.arrayValue ?? [], elementsYaml: body["elementsYaml"]?.stringValue, field: bodyField)
        case "clusters":
            let selector: LabelSelector
            do throws(SelectorError) {
                selector = try LabelSelector(json: body["selector"] ?? .emptyObject)
            } catch {
                throw ApplicationSetError("\(bodyField).selector: \(error)")
            }
            generator = ClusterGenerator(selector: selector, values: body["values"]?.objectValue ?? [:])
        case "git":
            generator = try Self.git(body, field: bodyField)
        case "matrix":
            let children = try Self.children(body, field: bodyField)
            guard children.count == 2 else {
                throw ApplicationSetError("\(bodyField).generators must list exactly two generators, found \(children.count)")
            }
            generator = MatrixGenerator(first: children[0], second: children[1])
        default:
            let children = try Self.children(body, field: bodyField)
            let keys = body["mergeKeys"]?.arrayValue?.compactMap(\.stringValue) ?? []
            guard children.count >= 2 else { throw ApplicationSetError("\(bodyField).generators must list at least two generators, found \(children.count)") }
            guard !keys.isEmpty else { throw ApplicationSetError("\(bodyField).mergeKeys must name at least one parameter to merge on") }
            generator = MergeGenerator(children: children, mergeKeys: keys, field: bodyField)
        }
    }

    private static func children(_ body: JSONValue, field: String) throws(ApplicationSetError) -> [GeneratorEntry] {
        var children: [GeneratorEntry] = []
        for (index, child) in (body["generators"]?.arrayValue ?? []).enumerated() {
            children.append(try GeneratorEntry(child, field: "\(field).generators[\(index)]"))
        }
        return children
    }

    private static func git(_ body: JSONValue, field: String) throws(ApplicationSetError) -> GitGenerator {
        guard let repoURL = body["repoURL"]?.stringValue, !repoURL.isEmpty else {
            throw ApplicationSetError("\(field).repoURL is required: set it to the repository to read")
        }
        let directories = (body["directories"]?.arrayValue ?? []).map { entry in
            GitGenerator.DirectoryRule(glob: PathGlob(Self.relative(entry["path"]?.stringValue ?? "")), exclude: entry["exclude"]?.boolValue ?? false)
        }
        let files = (body["files"]?.arrayValue ?? []).map { PathGlob(Self.relative($0["path"]?.stringValue ?? ""), crossesSeparators: true) }
        guard !directories.isEmpty || !files.isEmpty else {
            throw ApplicationSetError("\(field) needs directories or files: list the paths (globs) to generate from")
        }
        return GitGenerator(repoURL: repoURL, revision: body["revision"]?.stringValue ?? "", directories: directories, files: files, field: field)
    }

    /// Paths are relative to the repository root; a leading `/` is accepted as upstream's examples write it.
    private static func relative(_ path: String) -> String {
        path.hasPrefix("/") ? String(path.drop { $0 == "/" }) : path
    }

    /// The parameter sets of this entry, after its selector.
    func generate(_ context: GeneratorContext) async throws(ApplicationSetError) -> [ParameterSet] {
        let sets = try await generator.generate(context)
        guard let selector else { return sets }
        return sets.filter { selector.matches(Self.labels(of: $0)) }
    }

    /// The string parameters, flattened, as a selector sees them.
    static func labels(of parameters: ParameterSet) -> [String: String] {
        var flat: ParameterSet = [:]
        for (key, value) in parameters { GitGenerator.flatten(value, prefix: key, into: &flat) }
        return flat.compactMapValues(\.stringValue)
    }
}
