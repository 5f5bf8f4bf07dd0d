public import GoTemplate
import KubeModel

/// A chart repository's `index.yaml`: every version of every chart, with where to download it and the
/// archive's digest.
public struct ChartRepositoryIndex: Sendable {
    /// One version of a chart.
    public struct Entry: Sendable {
        /// The chart's name.
        public let name: String
        /// Its version.
        public let version: String
        /// Where the archive is, absolute or relative to the repository.
        public let urls: [String]
        /// The SHA-256 of the archive in hex, when the index gives it.
        public let digest: String?
    }

    /// The versions of each chart, newest first.
    public let entries: [String: [Entry]]

    /// Parses `index.yaml`.
    public init(yaml: String, source: String) throws(HelmError) {
        let document: JSONValue
        do {
            document = try YAMLReader.read(yaml, source: source)
        } catch {
            throw HelmError("\(source) is not a valid chart repository index: \(error)")
        }
        guard let charts = document.objectValue?["entries"]?.objectValue else {
            throw HelmError("\(source) is not a valid chart repository index: no entries")
        }
        var entries: [String: [Entry]] = [:]
        for (name, versions) in charts {
            let parsed = (versions.arrayValue ?? []).compactMap { value -> Entry? in
                guard let object = value.objectValue, let version = object["version"]?.stringValue else { return nil }
                return Entry(
                    name: name, version: version, urls: object["urls"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                    digest: object["digest"]?.stringValue)
            }
            entries[name] = parsed.sorted { a, b in
                switch (try? SemanticVersion(a.version), try? SemanticVersion(b.version)) {
                case (let x?, let y?): x > y
                case (.some, nil): true
                default: false
                }
            }
        }
        self.entries = entries
    }

    /// The entry Helm picks for `name` and a version constraint: an exact version match first, else the
    /// newest version satisfying the constraint; with no constraint, the newest stable version.
    public func entry(named name: String, version: String = "") throws(HelmError) -> Entry {
        guard let versions = entries[name], !versions.isEmpty else { throw HelmError("chart \(GoFormat.quote(name)) not found in repository") }
        if let exact = versions.first(where: { $0.version == version }) { return exact }
        let constraint: SemverConstraint
        do {
            constraint = try SemverConstraint(version.isEmpty ? "*" : version)
        } catch {
            throw HelmError("invalid chart version \(GoFormat.quote(version)): \(error)")
        }
        for entry in versions {
            if let parsed = try? SemanticVersion(entry.version), constraint.check(parsed) { return entry }
        }
        throw HelmError("chart \(GoFormat.quote(name)) version \(GoFormat.quote(version)) not found in repository")
    }
}
