import Foundation
import KubeModel
import Testing

/// Compares what Wharf rendered with what Helm rendered, template by template, as parsed YAML documents
/// (so only insignificant whitespace may differ) or as text when Helm's output is not YAML; `NOTES.txt`
/// is skipped as `helm template` skips it.
enum ManifestComparison {
    /// Records an issue for every template that differs, or when only one engine failed.
    static func expectSame(helm: HelmChartReference.Result, wharf: Result<[String: String], any Error>, label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let rendered: [String: String]
        switch wharf {
        case .failure(let error):
            #expect(helm.error != nil, "\(label): Wharf failed: \(error)", sourceLocation: sourceLocation)
            return
        case .success(let manifests):
            rendered = manifests
        }
        guard let expected = helm.manifests else {
            Issue.record("\(label): Helm failed (\(helm.error ?? "")) but Wharf rendered", sourceLocation: sourceLocation)
            return
        }
        let paths = Set(expected.keys).union(rendered.keys).filter { !$0.hasSuffix("NOTES.txt") }
        for path in paths.sorted() {
            // Templates that do not produce YAML (a `.txt` file) compare as text.
            let same: Bool
            if let expectedDocuments = try? YAMLReader.readAll(expected[path] ?? "", source: path) {
                same = (try? YAMLReader.readAll(rendered[path] ?? "", source: path)) == expectedDocuments
            } else {
                same = rendered[path] == expected[path]
            }
            #expect(
                same,
                "\(label): \(path) differs:\n--- Helm\n\(expected[path] ?? "<none>")\n--- Wharf\n\(rendered[path] ?? "<none>")",
                sourceLocation: sourceLocation)
        }
    }
}
