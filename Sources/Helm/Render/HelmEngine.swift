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
        // Most charts need little stack, and handing the work to another thread costs more than rendering
        // a small chart: render on the caller's thread while templates stay within its stack.
        if let stack = LargeStack.callerBoundary() {
            do throws(HelmError) {
                return try renderOnThisThread(chart, values: values, options: options, stack: stack)
            } catch where !error.isStackExhausted {
                throw error
            } catch {
                // Deeply nested templates: again on a thread with a large stack.
            }
        }
        let result = LargeStack.run { () -> Result<[String: String], HelmError> in
            Result { () throws(HelmError) in try renderOnThisThread(chart, values: values, options: options, stack: LargeStack.boundary()) }
        }
        return try result.get()
    }

    private func renderOnThisThread(_ chart: Chart, values: GoMap, options: ReleaseOptions, stack: StackBoundary?) throws(HelmError) -> [String: String] {
        let (resolved, coalesced) = DependencyResolver.resolve(chart, values: values)
        let merged: GoMap
        if let coalesced {
            merged = coalesced
        } else {
            merged = GoMap(GoValueBuilder.copy(.map(values)).mapEntries)
            ValuesCoalescer.coalesce(resolved, into: merged)
        }
        DependencyResolver.importValues(resolved, values: merged)
        try SchemaValidator.validate(resolved, values: merged)
        let key = resolved.digest + "|" + Self.enabledPaths(resolved).joined(separator: ",")
        let parsed: ParsedChart
        if let cache {
            parsed = try cache.parsed(key) { () throws(HelmError) in try ParsedChart(chart: resolved, stack: stack) }
        } else {
            parsed = try ParsedChart(chart: resolved, stack: stack)
        }
        let release = GoMap([
            "Name": .string(options.name), "Namespace": .string(options.namespace), "IsInstall": true, "IsUpgrade": false,
            "Revision": .int(1), "Service": "Helm",
        ])
        // Each chart's context, by its path of subchart names; `.Subcharts` holds the children's.
        var contexts: [[String]: GoMap] = [:]
        func buildContext(_ chart: Chart, values: GoMap, path: [String]) -> GoMap {
            var subcharts: [String: GoValue] = [:]
            for subchart in chart.subcharts {
                let subvalues: GoMap
                if case .map(let nested)? = values[subchart.name] { subvalues = nested } else { subvalues = GoMap() }
                subcharts[subchart.name] = .map(buildContext(subchart, values: subvalues, path: path + [subchart.name]))
            }
            let data = GoMap([
                "Values": .map(GoMap(values.entries, typeName: "common.Values")),
                "Chart": .map(GoValueBuilder.map(chart.metadata.templateValue(isRoot: path.isEmpty))),
                "Release": .map(release),
                "Capabilities": .object(options.capabilities),
                "Files": .object(ChartFiles(files: Dictionary(chart.files.map { ($0.path, $0.data) }, uniquingKeysWith: { first, _ in first }))),
                "Subcharts": .map(GoMap(subcharts)),
            ])
            contexts[path] = data
            return data
        }
        _ = buildContext(resolved, values: merged, path: [])
        var rendered: [String: String] = [:]
        let executionOptions = ExecutionOptions(missingKey: .zero, limits: options.limits, stack: stack)
        for entry in parsed.entries where entry.renders && !entry.name.hasSuffix("/NOTES.txt") {
            var data = contexts[entry.chartPath]!.entries
            data["Template"] = .map(GoMap(["Name": .string(entry.name), "BasePath": .string(entry.basePath)]))
            do {
                let output = try parsed.set.execute(entry.name, data: .map(GoMap(data)), options: executionOptions)
                rendered[entry.name] = GoStrings.replacingAll("<no value>", with: "", in: output)
            } catch {
                throw HelmError(HelmErrorWording.execution(error), isStackExhausted: error.isStackExhausted)
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
