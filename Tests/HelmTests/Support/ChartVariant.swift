import Testing

/// A chart rendered with values other than its defaults, as `helm template CHART -f ... --set ...`
/// would render it.
struct ChartVariant: Sendable, CustomTestStringConvertible {
    /// A unique name for the variant.
    let id: String
    /// The chart's directory name under the shared test charts, or the name of the chart made of
    /// `files`.
    let chart: String
    /// When not empty, the chart is made of these files (path → text) instead of a shared test chart.
    var files: [String: String] = [:]
    /// Charts of the shared test data copied into the chart's `charts/` directory first.
    var dependencies: [String] = []
    /// The texts of the `-f` value files, in order.
    var valueFiles: [String] = []
    /// `--set` arguments, in order.
    var set: [String] = []
    /// `--set-string` arguments, in order.
    var setString: [String] = []
    var name = "release-name"
    var namespace = "default"

    var testDescription: String { id }
}
