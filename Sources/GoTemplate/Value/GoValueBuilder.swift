public import KubeModel

/// Converts parsed YAML/JSON into the values templates see, as Go's decoding through JSON produces
/// them (Helm values, ApplicationSet parameters): objects become `map[string]interface{}`, arrays
/// `[]interface{}`, every number a `float64` — or, as Kubernetes' unstructured objects decode them
/// (notification templates), whole numbers an `int64`.
public enum GoValueBuilder {
    /// Top-level entries of a built map.
    public typealias Map = [String: JSONValue]

    /// The template value for a JSON value; `integers` keeps whole numbers as `int64`.
    public static func value(_ json: JSONValue, integers: Bool = false) -> GoValue {
        switch json {
        case .null: return .null
        case .bool(let bool): return .bool(bool)
        case .number(let number):
            if integers, let whole = number.int64Value { return .int64(whole) }
            return .float64(number.doubleValue)
        case .string(let string): return .string(string)
        case .array(let elements): return .list(GoList(elements.map { value($0, integers: integers) }))
        case .object(let members):
            var entries: [String: GoValue] = [:]
            entries.reserveCapacity(members.count)
            for (key, member) in members { entries[key] = value(member, integers: integers) }
            return .map(GoMap(entries))
        }
    }

    /// A map of converted entries.
    public static func map(_ entries: Map) -> GoMap {
        GoMap(entries.mapValues { value($0) })
    }

    /// A deep copy of maps and lists (values are copied before Helm merges them, so charts never share).
    public static func copy(_ value: GoValue) -> GoValue {
        switch value {
        case .map(let map): return .map(GoMap(map.entries.mapValues(copy), elementType: map.elementType, typeName: map.typeName))
        case .list(let list): return .list(GoList(list.elements.map(copy), elementType: list.elementType))
        default: return value
        }
    }
}
