import Foundation
import Helm
import KubeModel
import Testing

/// Renders every chart of the shared test data with Wharf and with real Helm v4 and requires the same
/// manifests, compared as parsed YAML documents per template.
@Suite("Charts render as with Helm", .enabled(if: HelmChartReference.isAvailable, "needs helm-python-sdk in .venv (or WHARF_TEST_PYTHON) and ../shared/testdata/helm-charts"))
struct ChartConformanceTests {
    @Test(arguments: HelmChartReference.chartNames)
    func rendersLikeHelm(_ chartName: String) throws {
        let helm = try #require(HelmChartReference.defaultRenders[chartName])
        let chart = try ChartLoader.load(path: HelmChartReference.chartsDirectory.appendingPathComponent(chartName).path)
        let wharf: [String: String]
        do {
            wharf = try HelmEngine().render(chart, options: ReleaseOptions(name: "release-name", namespace: "default"))
        } catch {
            #expect(helm.error != nil, "Wharf failed: \(error)")
            return
        }
        guard let expected = helm.manifests else {
            Issue.record("Helm failed (\(helm.error ?? "")) but Wharf rendered")
            return
        }
        let paths = Set(expected.keys).union(wharf.keys).filter { !$0.hasSuffix("NOTES.txt") }
        for path in paths.sorted() {
            let expectedDocuments = try YAMLReader.readAll(expected[path] ?? "", source: path)
            let actualDocuments = try YAMLReader.readAll(wharf[path] ?? "", source: path)
            #expect(actualDocuments == expectedDocuments, "\(chartName): \(path) differs:\n--- Helm\n\(expected[path] ?? "<none>")\n--- Wharf\n\(wharf[path] ?? "<none>")")
        }
    }
}
