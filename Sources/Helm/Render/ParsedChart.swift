import GoTemplate

/// A chart's templates parsed once into a template set, with what each template renders with: the part
/// of rendering that depends only on the chart's content, which ``RenderCache`` keeps.
struct ParsedChart: Sendable {
    /// One file to render: its full name (`chart/charts/sub/templates/x.yaml`) and the chart it belongs to.
    struct Entry: Sendable {
        let name: String
        let chartPath: [String]
        let basePath: String
        let renders: Bool
    }

    let set: TemplateSet
    let entries: [Entry]

    /// Parses every template of the chart and its (enabled) subcharts, in Helm's order so that
    /// definitions in parent charts win over those in subcharts, within `stack`.
    init(chart: Chart, stack: StackBoundary?) throws(HelmError) {
        var collected: [(Entry, String)] = []
        func collect(_ chart: Chart, path: [String], fullPath: String) {
            for template in chart.templates {
                let name = fullPath + "/" + template.path
                let base = template.path.split(separator: "/").last.map(String.init) ?? ""
                let renders = !base.hasPrefix("_") && !(chart.metadata.isLibrary)
                collected.append((Entry(name: name, chartPath: path, basePath: fullPath + "/templates", renders: renders), template.text))
            }
            for subchart in chart.subcharts {
                collect(subchart, path: path + [subchart.name], fullPath: fullPath + "/charts/" + subchart.name)
            }
        }
        collect(chart, path: [], fullPath: chart.name)
        collected.sort { ParsedChart.helmOrder($0.0.name, $1.0.name) }
        var set = TemplateSet(name: "gotpl", library: HelmFunctions.library)
        for (entry, text) in collected {
            do {
                try set.parse(text, name: entry.name, stack: stack)
            } catch {
                throw HelmError(HelmErrorWording.parse(error), isStackExhausted: error.isStackExhausted)
            }
        }
        self.set = set
        entries = collected.map(\.0)
    }

    /// Helm's `sortTemplates`: deeper paths first, then reverse lexical order.
    static func helmOrder(_ a: String, _ b: String) -> Bool {
        let depthA = a.utf8.count(where: { $0 == UInt8(ascii: "/") }), depthB = b.utf8.count(where: { $0 == UInt8(ascii: "/") })
        if depthA != depthB { return depthA > depthB }
        return b.utf8.lexicographicallyPrecedes(a.utf8)
    }
}
