import Testing

/// A template and the values to render it with, checked against real Helm.
struct ConformanceCase: Sendable, CustomTestStringConvertible {
    /// How the two renderings must agree.
    enum Comparison: Sendable {
        /// Identical output, or identical error messages.
        case exact
        /// Both succeed with output matching the pattern, or both fail (for random or time-dependent output).
        case pattern(String)
        /// Both fail, whatever the messages.
        case bothFail
    }

    let id: String
    let template: String
    let values: String
    let comparison: Comparison

    init(_ id: String, _ template: String, values: String = "{}", _ comparison: Comparison = .exact) {
        self.id = id
        self.template = template
        self.values = values
        self.comparison = comparison
    }

    var testDescription: String { id }
}
