public import KubeModel

/// One source of an Argo CD Application (`spec.source` or an entry of `spec.sources`), as the repo
/// server reads it. Fields the repo server does not use are kept in `raw`, which also keys the cache.
public struct ApplicationSource: Sendable {
    /// The Git repository, Helm chart repository or OCI registry.
    public var repoURL: String
    /// The directory inside a Git repository ("" or "." for its root).
    public var path: String
    /// The branch, tag, commit, semver constraint or (for charts) chart version.
    public var targetRevision: String
    /// The chart name, for sources in a Helm chart repository.
    public var chart: String?
    /// The name other sources use to reference this one's files (`$name/path`).
    public var ref: String?
    /// Helm options.
    public var helm: HelmSourceOptions?
    /// Kustomize options.
    public var kustomize: KustomizeSourceOptions?
    /// Directory (plain files and jsonnet) options.
    public var directory: DirectorySourceOptions?
    /// Whether the source names a config management plugin, which Wharf does not run.
    public var hasPlugin: Bool
    /// The source exactly as written.
    public var raw: JSONValue

    /// Reads a source object; fields with the wrong type are reported with their path under `field`.
    /// - Parameter field: Where the source sits in its Application, for messages (`spec.source`).
    public init(_ value: JSONValue, field: String = "spec.source") throws(SourceError) {
        guard value.objectValue != nil else { throw SourceError("\(field) must be an object") }
        raw = value
        let reader = FieldReader(value: value, field: field)
        repoURL = try reader.string("repoURL") ?? ""
        path = try reader.string("path") ?? ""
        targetRevision = try reader.string("targetRevision") ?? ""
        chart = try reader.string("chart")
        ref = try reader.string("ref")
        // A null block (as a client that clears one may leave it) is no block, as in Go.
        helm = try value["helm"].flatMap { $0.isNull ? nil : $0 }.map { value throws(SourceError) in try HelmSourceOptions(value, field: "\(field).helm") }
        kustomize = try value["kustomize"].flatMap { $0.isNull ? nil : $0 }.map { value throws(SourceError) in try KustomizeSourceOptions(value, field: "\(field).kustomize") }
        directory = try value["directory"].flatMap { $0.isNull ? nil : $0 }.map { value throws(SourceError) in try DirectorySourceOptions(value, field: "\(field).directory") }
        hasPlugin = value["plugin"].map { !$0.isNull } ?? false
        if repoURL.isEmpty { throw SourceError("\(field).repoURL is required: give the Git repository, chart repository or registry URL") }
    }

    /// A source for a Git directory, for callers that build sources in code.
    public init(repoURL: String, path: String = "", targetRevision: String = "HEAD") {
        var raw: JSONValue = ["repoURL": .string(repoURL), "path": .string(path), "targetRevision": .string(targetRevision)]
        if path.isEmpty { raw["path"] = nil }
        self.repoURL = repoURL
        self.path = path
        self.targetRevision = targetRevision
        hasPlugin = false
        self.raw = raw
    }

    /// Whether the source is a chart in a Helm repository or OCI registry rather than a Git path.
    public var isChartRepository: Bool { chart.map { !$0.isEmpty } ?? false }

    /// `targetRevision` with upstream's default (`HEAD` for Git; the newest chart otherwise).
    public var revision: String { targetRevision.isEmpty ? (isChartRepository ? "" : "HEAD") : targetRevision }
}
