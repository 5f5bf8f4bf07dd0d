import Foundation

/// A chart pulled from a Helm repository or OCI registry and extracted, so that it renders like a
/// chart in Git (value files inside the chart included).
struct ChartSource: Sendable {
    /// The extraction directory.
    let directory: URL
    /// The chart's directory inside it.
    let chartPath: String
    /// The version and digest, which stand for a commit in cache keys.
    let revision: String
}
