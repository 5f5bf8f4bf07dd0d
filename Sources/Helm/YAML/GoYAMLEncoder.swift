public import GoTemplate

/// Helm's `toYaml`: sigs.k8s.io/yaml's `Marshal` (JSON first, then go-yaml v2's emitter), reproduced
/// byte for byte: keys in go-yaml's natural order, plain scalars where YAML would read them back as the
/// same string, otherwise single or double quotes, and literal blocks for multi-line strings.
public enum GoYAMLEncoder {
    /// The YAML text for a value, ending in a newline (Helm trims it).
    public static func encode(_ value: GoValue) throws(GoJSON.EncodingError) -> String {
        var budget = maxNodes
        var output = ""
        let value = try normalize(value, budget: &budget)
        switch value {
        case .map(let map) where map.count > 0:
            try writeMapping(map, indent: 0, into: &output, budget: &budget)
        case .list(let list) where !list.elements.isEmpty:
            try writeSequence(list, indent: 0, into: &output, budget: &budget)
        default:
            output += scalar(value, indent: 2, isKey: false) + "\n"
        }
        return output
    }

    /// The most values one document may hold. A value nested in itself many times over (`dict "a" $d
    /// "b" $d` in a loop) expands exponentially; this bound keeps that from exhausting memory.
    static let maxNodes = TemplateLimits.defaultMaxOutputBytes / 256

    /// One value as JSON would carry it, counted against the budget: objects as their JSON (whole
    /// numbers in it as integers), no value as null, and floats JSON cannot hold rejected. Collections
    /// are written as they are and their elements normalised on the way, which spares copying them.
    private static func normalize(_ value: GoValue, budget: inout Int) throws(GoJSON.EncodingError) -> GoValue {
        budget -= 1
        if budget < 0 { throw GoJSON.EncodingError(description: "yaml: the value holds more than \(maxNodes) values") }
        switch value {
        case .noValue: return .null
        case .float64(let double):
            if !double.isFinite { _ = try GoJSON.formatFloat(double) }
            return value
        case .object:
            let json = try GoJSON.encode(value)
            return ((try? GoJSON.decode(json)) ?? .null).withIntegers
        default:
            return value
        }
    }

    private static func indentation(_ count: Int) -> String { String(repeating: " ", count: count) }

    private static func writeMapping(_ map: GoMap, indent: Int, into output: inout String, firstLineIndented: Bool = true, budget: inout Int) throws(GoJSON.EncodingError) {
        var first = true
        let entries = map.entries.map { (key: $0.key, value: $0.value, order: YAMLKeyOrder($0.key)) }.sorted { $0.order < $1.order }
        for entry in entries {
            let value = try normalize(entry.value, budget: &budget)
            if !(first && !firstLineIndented) { output += indentation(indent) }
            first = false
            output += scalar(.string(entry.key), indent: indent, isKey: true) + ":"
            switch value {
            case .map(let nested) where nested.count > 0:
                output += "\n"
                try writeMapping(nested, indent: indent + 2, into: &output, budget: &budget)
            case .list(let nested) where !nested.elements.isEmpty:
                output += "\n"
                try writeSequence(nested, indent: indent, into: &output, budget: &budget)
            default:
                output += " " + scalar(value, indent: indent + 2, isKey: false) + "\n"
            }
        }
    }

    private static func writeSequence(_ list: GoList, indent: Int, into output: inout String, firstLineIndented: Bool = true, budget: inout Int) throws(GoJSON.EncodingError) {
        for (index, element) in list.elements.enumerated() {
            let element = try normalize(element, budget: &budget)
            if index > 0 || firstLineIndented { output += indentation(indent) }
            output += "-"
            switch element {
            case .map(let nested) where nested.count > 0:
                output += " "
                try writeMapping(nested, indent: indent + 2, into: &output, firstLineIndented: false, budget: &budget)
            case .list(let nested) where !nested.elements.isEmpty:
                output += " "
                try writeSequence(nested, indent: indent + 2, into: &output, firstLineIndented: false, budget: &budget)
            default:
                output += " " + scalar(element, indent: indent + 2, isKey: false) + "\n"
            }
        }
    }

    private static func scalar(_ value: GoValue, indent: Int, isKey: Bool) -> String {
        switch value {
        case .noValue, .null: return "null"
        case .bool(let bool): return bool ? "true" : "false"
        case .int, .int64, .uint8: return String(value.integerValue!)
        case .float64(let double): return formatFloat(double)
        case .string(let string): return YAMLScalarStyle.render(string, indent: indent, isKey: isKey)
        case .map: return "{}"
        case .list: return "[]"
        case .object(let object): return YAMLScalarStyle.render(object.stringValue ?? "", indent: indent, isKey: isKey)
        }
    }

    /// A number as it comes back from JSON: integral values within int64 as integers, the rest as
    /// go-yaml formats float64 (`strconv.FormatFloat(f, 'g', -1, 64)`).
    static func formatFloat(_ double: Double) -> String {
        // Whole numbers well within int64 and JSON's plain notation (below 1e21) print as integers.
        if double == double.rounded(), abs(double) < 1e15 { return String(Int64(double)) }
        if double == double.rounded(), let json = try? GoJSON.formatFloat(double), !json.contains("e"), let integer = Int64(json) {
            return String(integer)
        }
        if double.isNaN { return ".nan" }
        if double.isInfinite { return double < 0 ? "-.inf" : ".inf" }
        return GoFormat.float(double, format: "g")
    }
}

extension GoValue {
    /// The value with whole floats turned into `int`s, as go-yaml reads integral JSON numbers.
    var withIntegers: GoValue {
        switch self {
        case .float64(let double):
            if double == double.rounded(), abs(double) < 9.2e18 { return .int(Int(double)) }
            return self
        case .list(let list): return .list(GoList(list.elements.map(\.withIntegers)))
        case .map(let map): return .map(GoMap(map.entries.mapValues(\.withIntegers)))
        default: return self
        }
    }
}
