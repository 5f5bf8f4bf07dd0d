import Foundation
import Helm
import Testing

/// Renders every chart of the shared test data with Wharf and with real Helm v4 and requires the same
/// manifests, compared as parsed YAML documents per template.
@Suite("Charts render as with Helm", .enabled(if: HelmChartReference.isAvailable, "needs helm-python-sdk in .venv (or WHARF_TEST_PYTHON) and ../shared/testdata/helm-charts"))
struct ChartConformanceTests {
    @Test(arguments: HelmChartReference.chartNames)
    func rendersLikeHelm(_ chartName: String) throws {
        let helm = try #require(HelmChartReference.defaultRenders[chartName])
        let wharf = Result { () throws -> [String: String] in
            let chart = try ChartLoader.load(path: HelmChartReference.chartsDirectory.appendingPathComponent(chartName).path)
            return try HelmEngine().render(chart, options: ReleaseOptions(name: "release-name", namespace: "default"))
        }
        ManifestComparison.expectSame(helm: helm, wharf: wharf, label: chartName)
    }
}
