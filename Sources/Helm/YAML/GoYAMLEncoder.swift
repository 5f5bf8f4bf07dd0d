public import GoTemplate

/// Helm's `toYaml`: sigs.k8s.io/yaml's `Marshal` (JSON first, then go-yaml v2's emitter), reproduced
/// byte for byte: keys in go-yaml's natural order, plain scalars where YAML would read them back as the
/// same string, otherwise single or double quotes, and literal blocks for multi-line strings.
public enum GoYAMLEncoder {
    /// The YAML text for a value, ending in a newline (Helm trims it).
    public static func encode(_ value: GoValue) throws(GoJSON.EncodingError) -> String {
        // Going through JSON gives the same numbers and the same treatment of objects as Helm.
        var budget = maxNodes
        let normalized = try normalize(value, budget: &budget)
        var output = ""
        switch normalized {
        case .map(let map) where map.count > 0:
            writeMapping(map, indent: 0, into: &output)
        case .list(let list) where !list.elements.isEmpty:
            writeSequence(list, indent: 0, into: &output)
        default:
            output += scalar(normalized, indent: 2, isKey: false) + "\n"
        }
        return output
    }

    /// The most values one document may hold. A value nested in itself many times over (`dict "a" $d
    /// "b" $d` in a loop) expands exponentially; this bound keeps that from exhausting memory.
    static let maxNodes = TemplateLimits.defaultMaxOutputBytes / 256

    /// The value as JSON would carry it: numbers that are whole print as integers, objects as their JSON.
    private static func normalize(_ value: GoValue, budget: inout Int) throws(GoJSON.EncodingError) -> GoValue {
        budget -= 1
        if budget < 0 { throw GoJSON.EncodingError(description: "yaml: the value holds more than \(maxNodes) values") }
        switch value {
        case .noValue: return .null
        case .float64(let double):
            _ = try GoJSON.formatFloat(double)
            return value
        case .list(let list):
            var elements: [GoValue] = []
            for element in list.elements { elements.append(try normalize(element, budget: &budget)) }
            return .list(GoList(elements))
        case .map(let map):
            var entries: [String: GoValue] = [:]
            for (key, element) in map.entries { entries[key] = try normalize(element, budget: &budget) }
            return .map(GoMap(entries))
        case .object:
            let json = try GoJSON.encode(value)
            return ((try? GoJSON.decode(json)) ?? .null).withIntegers
        default:
            return value
        }
    }

    private static func indentation(_ count: Int) -> String { String(repeating: " ", count: count) }

    private static func isCollection(_ value: GoValue) -> Bool {
        switch value {
        case .map(let map): map.count > 0
        case .list(let list): !list.elements.isEmpty
        default: false
        }
    }

    private static func writeMapping(_ map: GoMap, indent: Int, into output: inout String, firstLineIndented: Bool = true) {
        var first = true
        for key in map.sortedKeys.sorted(by: YAMLKeyOrder.less) {
            let value = map[key]!
            if !(first && !firstLineIndented) { output += indentation(indent) }
            first = false
            output += scalar(.string(key), indent: indent, isKey: true) + ":"
            switch value {
            case .map(let nested) where nested.count > 0:
                output += "\n"
                writeMapping(nested, indent: indent + 2, into: &output)
            case .list(let nested) where !nested.elements.isEmpty:
                output += "\n"
                writeSequence(nested, indent: indent, into: &output)
            default:
                output += " " + scalar(value, indent: indent + 2, isKey: false) + "\n"
            }
        }
    }

    private static func writeSequence(_ list: GoList, indent: Int, into output: inout String, firstLineIndented: Bool = true) {
        for (index, element) in list.elements.enumerated() {
            if index > 0 || firstLineIndented { output += indentation(indent) }
            output += "-"
            switch element {
            case .map(let nested) where nested.count > 0:
                output += " "
                writeMapping(nested, indent: indent + 2, into: &output, firstLineIndented: false)
            case .list(let nested) where !nested.elements.isEmpty:
                output += " "
                writeSequence(nested, indent: indent + 2, into: &output, firstLineIndented: false)
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
