import Foundation

/// How a source's manifests are produced.
public enum SourceType: String, Sendable, Codable {
    /// Plain YAML/JSON files (and jsonnet) in a directory.
    case directory = "Directory"
    /// `kustomize build` of a kustomization.
    case kustomize = "Kustomize"
    /// A Helm chart.
    case helm = "Helm"

    /// The file names that make a directory a kustomization.
    static let kustomizationFiles = ["kustomization.yaml", "kustomization.yml", "Kustomization"]

    /// The type the source asks for, or that its directory shows, as upstream decides: an explicit
    /// `helm`, `kustomize` or `directory` block wins (only one may be given); otherwise a kustomization
    /// file means Kustomize, a `Chart.yaml` means Helm, and anything else is a directory.
    static func of(_ source: ApplicationSource, in directory: URL?) throws(SourceError) -> SourceType {
        if source.hasPlugin {
            throw SourceError("spec.source.plugin: config management plugins are not supported by Wharf; render with Helm, Kustomize or plain files")
        }
        if source.isChartRepository { return .helm }
        let explicit = [(source.helm != nil, SourceType.helm), (source.kustomize != nil, .kustomize), (source.directory != nil, .directory)]
            .filter(\.0).map(\.1)
        if explicit.count > 1 {
            throw SourceError(
                "spec.source sets \(explicit.map { $0.rawValue.lowercased() }.joined(separator: " and ")); give at most one of helm, kustomize and directory")
        }
        if let type = explicit.first { return type }
        guard let directory else { return .directory }
        let manager = FileManager.default
        if kustomizationFiles.contains(where: { manager.fileExists(atPath: directory.appendingPathComponent($0).path) }) { return .kustomize }
        if manager.fileExists(atPath: directory.appendingPathComponent("Chart.yaml").path) { return .helm }
        return .directory
    }
}
