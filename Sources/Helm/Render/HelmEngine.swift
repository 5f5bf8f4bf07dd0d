public import GoTemplate

/// Renders charts as `helm template` does: values coalesced with Helm's precedence, dependencies
/// enabled by condition and tags, every template executed with `.Values`, `.Chart`, `.Release`,
/// `.Capabilities`, `.Files`, `.Template`, and `<no value>` removed from the output.
public struct HelmEngine: Sendable {
    /// The cache of parsed charts.
    public let cache: RenderCache?

    /// Creates an engine; pass nil to parse on every render.
    public init(cache: RenderCache? = .shared) {
        self.cache = cache
    }

    /// Renders a chart: template name (`chart/templates/x.yaml`) → output, without partials and
    /// `NOTES.txt`.
    /// - Parameters:
    ///   - chart: the loaded chart.
    ///   - values: the user-supplied values (value files and `--set` already merged).
    ///   - options: release name, namespace, capabilities and limits.
    public func render(_ chart: Chart, values: GoMap = GoMap(), options: ReleaseOptions = ReleaseOptions()) throws(HelmError) -> [String: String] {
        // Deeply nested includes recurse through the interpreter; a thread with a large stack keeps
        // charts that nest deeply (up to the depth limit) from overflowing a caller's small stack.
        let result = LargeStack.run { () -> Result<[String: String], HelmError> in
            Result { () throws(HelmError) in try renderOnThisThread(chart, values: values, options: options) }
        }
        return try result.get()
    }

    private func renderOnThisThread(_ chart: Chart, values: GoMap, options: ReleaseOptions) throws(HelmError) -> [String: String] {
        let resolved = DependencyResolver.resolve(chart, values: values)
        let merged = GoMap(GoValueBuilder.copy(.map(values)).mapEntries)
        ValuesCoalescer.coalesce(resolved, into: merged)
        DependencyResolver.importValues(resolved, values: merged)
        try SchemaValidator.validate(resolved, values: merged)
        let key = resolved.digest + "|" + Self.enabledPaths(resolved).joined(separator: ",")
        let parsed: ParsedChart
        if let cache {
            parsed = try cache.parsed(key) { () throws(HelmError) in try ParsedChart(chart: resolved) }
        } else {
            parsed = try ParsedChart(chart: resolved)
        }
        let release = GoMap([
            "Name": .string(options.name), "Namespace": .string(options.namespace), "IsInstall": true, "IsUpgrade": false,
            "Revision": .int(1), "Service": "Helm",
        ])
        var contexts: [[String]: GoMap] = [:]
        func context(for path: [String]) -> GoMap {
            if let existing = contexts[path] { return existing }
            var chart = resolved
            var chartValues = merged
            for name in path {
                chart = chart.subcharts.first { $0.name == name }!
                if case .map(let nested)? = chartValues[name] { chartValues = nested } else { chartValues = GoMap() }
            }
            let data = GoMap([
                "Values": .map(GoMap(chartValues.entries, typeName: "common.Values")),
                "Chart": .map(GoValueBuilder.map(chart.metadata.templateValue(isRoot: path.isEmpty))),
                "Release": .map(release),
                "Capabilities": .object(options.capabilities),
                "Files": .object(ChartFiles(files: Dictionary(chart.files.map { ($0.path, $0.data) }, uniquingKeysWith: { first, _ in first }))),
                "Subcharts": .map(GoMap()),
            ])
            contexts[path] = data
            return data
        }
        var rendered: [String: String] = [:]
        let executionOptions = ExecutionOptions(missingKey: .zero, limits: options.limits)
        for entry in parsed.entries where entry.renders && !entry.name.hasSuffix("/NOTES.txt") {
            var data = context(for: entry.chartPath).entries
            data["Template"] = .map(GoMap(["Name": .string(entry.name), "BasePath": .string(entry.basePath)]))
            do {
                let output = try parsed.set.execute(entry.name, data: .map(GoMap(data)), options: executionOptions)
                rendered[entry.name] = output.replacing("<no value>", with: "")
            } catch {
                throw HelmError(HelmErrorWording.execution(error))
            }
        }
        return rendered
    }

    /// Fails when a dependency declared in Chart.yaml is missing from charts/ (what `helm template` checks
    /// before rendering).
    public static func checkDependencies(_ chart: Chart) throws(HelmError) {
        try DependencyResolver.check(chart)
    }

    private static func enabledPaths(_ chart: Chart, prefix: String = "") -> [String] {
        chart.subcharts.flatMap { [prefix + $0.name] + enabledPaths($0, prefix: prefix + $0.name + "/") }
    }
}
