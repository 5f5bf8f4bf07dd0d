import GoTemplate

/// Helm's value precedence (`chartutil.CoalesceValues`): the given values win over the chart's
/// values.yaml, nested maps merge, `null` deletes a default, and each subchart gets the parent's values
/// under its name merged over its own defaults, with the parent's `global` copied down.
enum ValuesCoalescer {
    /// Merges `chart`'s defaults (and its subcharts') under `values`, in place.
    static func coalesce(_ chart: Chart, into values: GoMap) {
        coalesceDefaults(chart, into: values)
        coalesceSubcharts(chart, into: values)
    }

    private static func coalesceDefaults(_ chart: Chart, into values: GoMap) {
        guard case .map(let defaults) = chart.values else { return }
        for (key, defaultValue) in defaults.entries {
            if let given = values[key] {
                if given.isNil {
                    values.removeValue(forKey: key)
                } else if case .map(let givenMap) = given, case .map(let defaultMap) = defaultValue {
                    coalesceTables(givenMap, defaults: defaultMap)
                }
            } else {
                values[key] = GoValueBuilder.copy(defaultValue)
            }
        }
    }

    private static func coalesceSubcharts(_ chart: Chart, into values: GoMap) {
        for subchart in chart.subcharts {
            let name = subchart.name
            if values[name] == nil { values[name] = .map(GoMap()) }
            guard case .map(let subvalues)? = values[name] else { continue }
            coalesceGlobals(into: subvalues, from: values)
            coalesce(subchart, into: subvalues)
        }
    }

    /// `coalesceTablesFullKey`: defaults fill what `values` lacks; `null` in `values` deletes the key.
    static func coalesceTables(_ values: GoMap, defaults: GoMap) {
        for (key, defaultValue) in defaults.entries {
            if let given = values[key] {
                if given.isNil {
                    values.removeValue(forKey: key)
                } else if case .map(let givenMap) = given, case .map(let defaultMap) = defaultValue {
                    coalesceTables(givenMap, defaults: defaultMap)
                }
            } else {
                values[key] = GoValueBuilder.copy(defaultValue)
            }
        }
    }

    /// The parent's `global` values override the subchart's.
    private static func coalesceGlobals(into subvalues: GoMap, from parent: GoMap) {
        let destination: GoMap
        if case .map(let existing)? = subvalues["global"] { destination = existing } else { destination = GoMap() }
        guard case .map(let source)? = parent["global"] else {
            subvalues["global"] = .map(destination)
            return
        }
        for (key, value) in source.entries {
            if case .map(let sourceMap) = value {
                let copy = GoValueBuilder.copy(.map(sourceMap))
                if case .map(let existing)? = destination[key], case .map(let copied) = copy {
                    mergeKeepingFirst(copied, existing)
                }
                destination[key] = copy
            } else if case .map? = destination[key] {
                continue
            } else {
                destination[key] = value
            }
        }
        subvalues["global"] = .map(destination)
    }

    /// Adds what `first` lacks from `second`, recursively (nulls are kept for the later coalesce).
    private static func mergeKeepingFirst(_ first: GoMap, _ second: GoMap) {
        for (key, value) in second.entries {
            if let existing = first[key] {
                if case .map(let a) = existing, case .map(let b) = value { mergeKeepingFirst(a, b) }
            } else {
                first[key] = value
            }
        }
    }

    /// Merges user-supplied value maps: later maps win, nested maps merge (Helm's `mergeMaps`).
    static func merge(_ base: GoMap, with override: GoMap) {
        for (key, value) in override.entries {
            if case .map(let overrideMap) = value, case .map(let baseMap)? = base[key] {
                merge(baseMap, with: overrideMap)
            } else {
                base[key] = value
            }
        }
    }
}
