import GoTemplate
import KubeModel

/// Helm's dependency processing: which subcharts are enabled (`condition`, `tags`), their aliases, and
/// `import-values` copied from subcharts into the parent's values.
enum DependencyResolver {
    /// The chart with aliases applied and disabled subcharts removed, recursively. Declared dependencies
    /// missing from charts/ are skipped, as Helm's engine does (``check(_:)`` reports them, as the CLI does).
    /// Also returns the values coalesced for deciding conditions, which are the render's values too when
    /// no subchart was disabled (else the disabled subcharts' defaults must not be in them).
    static func resolve(_ chart: Chart, values: GoMap) -> (chart: Chart, coalesced: GoMap?) {
        let aliased = applyAliases(chart)
        let merged = GoMap(GoValueBuilder.copy(.map(values)).mapEntries)
        ValuesCoalescer.coalesce(aliased, into: merged)
        let enabled = enable(aliased, values: merged, path: "")
        return (enabled, subchartCount(enabled) == subchartCount(aliased) ? merged : nil)
    }

    private static func subchartCount(_ chart: Chart) -> Int {
        chart.subcharts.reduce(chart.subcharts.count) { $0 + subchartCount($1) }
    }

    /// Helm's `CheckDependencies`: every dependency in Chart.yaml must be present in charts/.
    static func check(_ chart: Chart) throws(HelmError) {
        let missing = chart.metadata.dependencies.filter { dependency in !chart.subcharts.contains { $0.name == dependency.name } }.map(\.name)
        if !missing.isEmpty {
            throw HelmError("found in Chart.yaml, but missing in charts/ directory: " + missing.joined(separator: ", "))
        }
    }

    private static func applyAliases(_ chart: Chart) -> Chart {
        var result = chart
        var subcharts: [Chart] = []
        for dependency in chart.metadata.dependencies {
            guard let subchart = chart.subcharts.first(where: { $0.name == dependency.name }) else { continue }
            subcharts.append(applyAliases(subchart).renamed(dependency.effectiveName))
        }
        // Subcharts in charts/ that Chart.yaml does not list are rendered too.
        for subchart in chart.subcharts where !chart.metadata.dependencies.contains(where: { $0.name == subchart.name }) {
            subcharts.append(applyAliases(subchart))
        }
        result.subcharts = subcharts
        return result
    }

    private static func enable(_ chart: Chart, values: GoMap, path: String) -> Chart {
        var result = chart
        let tags: GoMap? = { if case .map(let tags)? = values["tags"] { return tags } else { return nil } }()
        result.subcharts = chart.subcharts.filter { subchart in
            guard let dependency = chart.metadata.dependencies.first(where: { $0.effectiveName == subchart.name }) else { return true }
            var enabled = true
            if !dependency.tags.isEmpty, let tags {
                var sawTrue = false, sawFalse = false
                for tag in dependency.tags {
                    if case .bool(let flag)? = tags[tag] {
                        if flag { sawTrue = true } else { sawFalse = true }
                    }
                }
                if sawTrue { enabled = true } else if sawFalse { enabled = false }
            }
            for condition in dependency.condition.split(separator: ",") {
                let keyPath = path + condition.trimmingCharacters(in: " ")
                if case .bool(let flag)? = lookup(keyPath, in: values) {
                    enabled = flag
                    break
                }
            }
            return enabled
        }.map { enable($0, values: values, path: path + $0.name + ".") }
        return result.listingOnlyPresentDependencies()
    }

    /// The value at a dotted path.
    static func lookup(_ path: String, in values: GoMap) -> GoValue? {
        var current: GoValue = .map(values)
        for part in path.split(separator: ".") {
            guard case .map(let map) = current, let next = map[String(part)] else { return nil }
            current = next
        }
        return current
    }

    /// `import-values`: copies child values into the parent's values (child defaults under parent's).
    static func importValues(_ chart: Chart, values: GoMap) {
        for subchart in chart.subcharts {
            importValues(subchart, values: { if case .map(let map)? = values[subchart.name] { return map } else { return GoMap() } }())
            guard let dependency = chart.metadata.dependencies.first(where: { $0.effectiveName == subchart.name }) else { continue }
            guard case .map(let childValues)? = values[subchart.name] else { continue }
            for entry in dependency.importValues {
                var child = "", parent = ""
                if let text = entry.stringValue {
                    child = "exports." + text
                    parent = ""
                } else if let object = entry.objectValue {
                    child = object["child"]?.stringValue ?? ""
                    parent = object["parent"]?.stringValue ?? ""
                }
                guard case .map(let source)? = lookup(child, in: childValues) else { continue }
                let target: GoMap
                if parent.isEmpty || parent == "." {
                    target = values
                } else if case .map(let existing)? = lookup(parent, in: values) {
                    target = existing
                } else {
                    target = GoMap()
                    setValue(.map(target), at: parent, in: values)
                }
                let imported = GoMap(GoValueBuilder.copy(.map(source)).mapEntries)
                ValuesCoalescer.coalesceTables(target, defaults: imported)
            }
        }
    }

    private static func setValue(_ value: GoValue, at path: String, in values: GoMap) {
        let parts = path.split(separator: ".").map(String.init)
        var current = values
        for part in parts.dropLast() {
            if case .map(let next)? = current[part] {
                current = next
            } else {
                let next = GoMap()
                current[part] = .map(next)
                current = next
            }
        }
        if let last = parts.last { current[last] = value }
    }
}

extension GoValue {
    /// The entries when the value is a map.
    var mapEntries: [String: GoValue] {
        if case .map(let map) = self { return map.entries }
        return [:]
    }
}
