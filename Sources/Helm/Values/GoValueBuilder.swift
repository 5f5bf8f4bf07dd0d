public import GoTemplate
public import KubeModel

/// Converts parsed YAML/JSON into the values templates see, as Helm's decoding through JSON produces
/// them: objects become `map[string]interface{}`, arrays `[]interface{}`, every number a `float64`.
public enum GoValueBuilder {
    /// Top-level entries of a built map.
    public typealias Map = [String: JSONValue]

    /// The template value for a JSON value.
    public static func value(_ json: JSONValue) -> GoValue {
        switch json {
        case .null: return .null
        case .bool(let bool): return .bool(bool)
        case .number(let number): return .float64(number.doubleValue)
        case .string(let string): return .string(string)
        case .array(let elements): return .list(GoList(elements.map(value)))
        case .object(let members):
            var entries: [String: GoValue] = [:]
            entries.reserveCapacity(members.count)
            for (key, member) in members { entries[key] = value(member) }
            return .map(GoMap(entries))
        }
    }

    /// A map of converted entries.
    public static func map(_ entries: Map) -> GoMap {
        GoMap(entries.mapValues(value))
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
