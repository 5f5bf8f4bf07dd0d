import KubeModel

/// One cached generation: the objects, the commits (or chart versions) they came from, and the
/// paths they were read from, which change detection compares commits against.
struct ManifestRecord: Sendable {
    /// The revision of every repository the generation read, by repository (as in ``InputPath``).
    var commits: [String: String]
    /// How the objects were produced.
    var sourceType: SourceType
    /// The repository paths the generation read.
    var inputs: Set<InputPath>
    /// The objects.
    var objects: [JSONValue]

    /// The record as one JSON document, for the disk cache.
    var json: JSONValue {
        var commitMap = JSONValue.emptyObject
        for (repo, commit) in commits.sorted(by: { $0.key < $1.key }) { commitMap[repo] = .string(commit) }
        let inputList = inputs.sorted { ($0.repository, $0.path) < ($1.repository, $1.path) }
            .map { JSONValue.object(["repository": .string($0.repository), "path": .string($0.path)]) }
        return ["commits": commitMap, "sourceType": .string(sourceType.rawValue), "inputs": .array(inputList), "objects": .array(objects)]
    }

    /// A record read back from its JSON document; nil when the document is not one.
    init?(json: JSONValue) {
        guard let type = json["sourceType"]?.stringValue.flatMap(SourceType.init(rawValue:)), let objects = json["objects"]?.arrayValue else { return nil }
        var commits: [String: String] = [:]
        for (repo, commit) in json["commits"]?.objectValue ?? [:] { commits[repo] = commit.stringValue }
        var inputs: Set<InputPath> = []
        for entry in json["inputs"]?.arrayValue ?? [] {
            guard let repository = entry["repository"]?.stringValue, let path = entry["path"]?.stringValue else { return nil }
            inputs.insert(InputPath(repository: repository, path: path))
        }
        self.init(commits: commits, sourceType: type, inputs: inputs, objects: objects)
    }

    init(commits: [String: String], sourceType: SourceType, inputs: Set<InputPath>, objects: [JSONValue]) {
        self.commits = commits
        self.sourceType = sourceType
        self.inputs = inputs
        self.objects = objects
    }
}
