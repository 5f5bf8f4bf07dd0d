/// Sprig's dictionary functions (`dict.go`), `dig`, `deepCopy` and the mergo-based merges.
enum SprigDicts {
    static let functions: [GoFunction] = [
        GoFunction("dict", variadic: .any) { a, _ in
            var entries: [String: GoValue] = [:]
            var index = 0
            while index < a.count {
                entries[GoCast.string(a[index])] = index + 1 < a.count ? a[index + 1] : ""
                index += 2
            }
            return .map(GoMap(entries))
        },
        GoFunction("get", [.map, .string]) { a, _ in a.map(0)?[a.string(1)] ?? "" },
        GoFunction("set", [.map, .string, .any]) { a, _ in
            guard let map = a.map(0) else { throw GoFunctionError("assignment to entry in nil map") }
            map[a.string(1)] = a[2]
            return a[0]
        },
        GoFunction("unset", [.map, .string]) { a, _ in
            a.map(0)?.removeValue(forKey: a.string(1))
            return a[0]
        },
        GoFunction("hasKey", [.map, .string]) { a, _ in .bool(a.map(0)?.contains(a.string(1)) ?? false) },
        GoFunction("pluck", [.string], variadic: .map) { a, _ in
            .list(GoList(a.dropFirst().compactMap { value in
                if case .map(let map) = value { return map[a.string(0)] }
                return nil
            }))
        },
        GoFunction("keys", variadic: .map) { a, _ in
            // Go ranges maps in random order; sorted keys are one of the orders Go may produce.
            .list(.strings(a.flatMap { value -> [String] in
                if case .map(let map) = value { return map.sortedKeys }
                return []
            }))
        },
        GoFunction("values", [.map]) { a, _ in .list(GoList(a.map(0)?.sortedEntries.map(\.value) ?? [])) },
        GoFunction("pick", [.map], variadic: .string) { a, _ in
            var entries: [String: GoValue] = [:]
            for key in a.dropFirst().compactMap(\.asString) {
                if let value = a.map(0)?[key] { entries[key] = value }
            }
            return .map(GoMap(entries))
        },
        GoFunction("omit", [.map], variadic: .string) { a, _ in
            let omitted = Set(a.dropFirst().compactMap(\.asString))
            return .map(GoMap((a.map(0)?.entries ?? [:]).filter { !omitted.contains($0.key) }))
        },
        GoFunction("merge", [.map], variadic: .map) { a, _ in merge(a, overwrite: false) },
        GoFunction("mustMerge", [.map], variadic: .map) { a, _ in merge(a, overwrite: false) },
        GoFunction("mergeOverwrite", [.map], variadic: .map) { a, _ in merge(a, overwrite: true) },
        GoFunction("mustMergeOverwrite", [.map], variadic: .map) { a, _ in merge(a, overwrite: true) },
        GoFunction("deepCopy", [.any]) { a, _ in try deepCopy(a[0]) },
        GoFunction("mustDeepCopy", [.any]) { a, _ in try deepCopy(a[0]) },
        GoFunction("dig", variadic: .any) { a, _ in
            guard a.count >= 3 else { throw GoFunctionError("dig needs at least three arguments") }
            var current = try dictionary(a[a.count - 1])
            let fallback = a[a.count - 2]
            let keys = try a.dropLast(2).map { key -> String in
                guard case .string(let string) = key else { throw conversionError(key, expected: "string") }
                return string
            }
            for (index, key) in keys.enumerated() {
                guard let step = current[key] else { return fallback }
                if index == keys.count - 1 { return step }
                current = try dictionary(step)
            }
            return fallback
        },
    ]

    private static func conversionError(_ value: GoValue, expected: String) -> GoFunctionError {
        if value.isNilInterface { return GoFunctionError("interface conversion: interface {} is nil, not \(expected)") }
        return GoFunctionError("interface conversion: interface {} is \(value.goType?.name ?? "nil"), not \(expected)")
    }

    /// A `.(map[string]interface{})` type assertion.
    private static func dictionary(_ value: GoValue) throws -> GoMap {
        if case .map(let map) = value, map.typeName == GoType.genericMap.name { return map }
        throw conversionError(value, expected: "map[string]interface {}")
    }

    /// mergo's `Merge` (with `WithOverride` when `overwrite`) of each source into the first map, in place.
    private static func merge(_ a: [GoValue], overwrite: Bool) -> GoValue {
        guard let destination = a.map(0) else { return a[0] }
        for source in a.dropFirst() {
            if case .map(let source) = source { merge(source, into: destination, overwrite: overwrite) }
        }
        return a[0]
    }

    /// Maps merge key by key: nested maps recursively; otherwise the source value wins when
    /// overwriting, or when the destination lacks the key or holds an empty value (a nil source is
    /// never taken without overwrite).
    static func merge(_ source: GoMap, into destination: GoMap, overwrite: Bool) {
        for (key, value) in source.sortedEntries {
            let existing = destination[key]
            if case .map(let sourceMap)? = Optional(value), case .map(let destinationMap)? = existing {
                merge(sourceMap, into: destinationMap, overwrite: overwrite)
                continue
            }
            if overwrite {
                destination[key] = value
            } else if !value.isNilInterface, existing.map(GoCast.isEmpty) ?? true {
                destination[key] = value
            }
        }
    }

    /// copystructure's `Copy`: maps and slices copied recursively, other values shared.
    static func deepCopy(_ value: GoValue) throws -> GoValue {
        switch value {
        case .noValue, .null: throw GoFunctionError("reflect: call of reflect.Value.Type on zero Value")
        default: return copied(value)
        }
    }

    private static func copied(_ value: GoValue) -> GoValue {
        switch value {
        case .list(let list): .list(GoList(list.elements.map(copied), elementType: list.elementType))
        case .map(let map): .map(GoMap(map.entries.mapValues(copied), elementType: map.elementType, typeName: map.typeName))
        default: value
        }
    }
}
