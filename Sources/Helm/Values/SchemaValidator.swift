import GoTemplate
import KubeModel

/// Validates values against each chart's values.schema.json (the JSON Schema keywords charts use:
/// type, required, properties, additionalProperties, items, enum, const, minimum/maximum, minLength/
/// maxLength, pattern), reporting errors the way Helm words them.
enum SchemaValidator {
    static func validate(_ chart: Chart, values: GoMap) throws(HelmError) {
        var problems: [String] = []
        collect(chart, values: values, into: &problems)
        if !problems.isEmpty {
            throw HelmError("values don't meet the specifications of the schema(s) in the following chart(s):\n" + problems.joined(separator: "\n"))
        }
    }

    private static func collect(_ chart: Chart, values: GoMap, into problems: inout [String]) {
        if let schema = chart.schema {
            var errors: [String] = []
            check(.map(values), against: schema, path: "", errors: &errors)
            if !errors.isEmpty { problems.append(chart.name + ":\n" + errors.map { "- " + $0 }.joined(separator: "\n")) }
        }
        for subchart in chart.subcharts {
            if case .map(let subvalues)? = values[subchart.name] { collect(subchart, values: subvalues, into: &problems) }
        }
    }

    private static func typeName(_ value: GoValue) -> String {
        switch value {
        case .noValue, .null: "null"
        case .bool: "boolean"
        case .int, .int64, .uint8: "integer"
        case .float64(let double): double == double.rounded() ? "integer" : "number"
        case .string: "string"
        case .list: "array"
        case .map: "object"
        case .object: "object"
        }
    }

    private static func check(_ value: GoValue, against schema: JSONValue, path: String, errors: inout [String]) {
        guard let object = schema.objectValue else { return }
        let location = path.isEmpty ? "at '/'" : "at '\(path)'"
        if let types = object["type"] {
            let allowed = types.arrayValue?.compactMap(\.stringValue) ?? [types.stringValue ?? ""]
            let actual = typeName(value)
            let ok = allowed.contains(actual) || (actual == "integer" && allowed.contains("number"))
            if !ok {
                errors.append("\(location): got \(actual), want \(allowed.joined(separator: " or "))")
                return
            }
        }
        if let options = object["enum"]?.arrayValue, !options.contains(where: { GoValueBuilder.value($0).deepEqualsForSchema(value) }) {
            errors.append("\(location): value must be one of \(options.map { GoFormat.string(GoValueBuilder.value($0)) }.joined(separator: ", "))")
        }
        switch value {
        case .map(let map):
            for key in object["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where map[key] == nil {
                errors.append("\(location): missing property '\(key)'")
            }
            let properties = object["properties"]?.objectValue ?? [:]
            for (key, element) in map.sortedEntries {
                if let propertySchema = properties[key] {
                    check(element, against: propertySchema, path: path + "/" + key, errors: &errors)
                } else if object["additionalProperties"]?.boolValue == false {
                    errors.append("\(location): additional properties '\(key)' not allowed")
                } else if let additional = object["additionalProperties"], additional.objectValue != nil {
                    check(element, against: additional, path: path + "/" + key, errors: &errors)
                }
            }
        case .list(let list):
            if let items = object["items"] {
                for (index, element) in list.elements.enumerated() { check(element, against: items, path: path + "/\(index)", errors: &errors) }
            }
        case .string(let string):
            if let minimum = object["minLength"]?.numberValue?.doubleValue, Double(string.count) < minimum {
                errors.append("\(location): minLength: got \(string.count), want \(Int(minimum))")
            }
            if let maximum = object["maxLength"]?.numberValue?.doubleValue, Double(string.count) > maximum {
                errors.append("\(location): maxLength: got \(string.count), want \(Int(maximum))")
            }
        case .float64(let number):
            if let minimum = object["minimum"]?.numberValue?.doubleValue, number < minimum {
                errors.append("\(location): minimum: got \(GoFormat.string(value)), want \(GoFormat.string(.float64(minimum)))")
            }
            if let maximum = object["maximum"]?.numberValue?.doubleValue, number > maximum {
                errors.append("\(location): maximum: got \(GoFormat.string(value)), want \(GoFormat.string(.float64(maximum)))")
            }
        default:
            break
        }
    }
}

extension GoValue {
    /// Equality for `enum`/`const`: numbers by value, the rest structurally.
    func deepEqualsForSchema(_ other: GoValue) -> Bool {
        switch (self, other) {
        case (.float64(let a), .float64(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.null, .null): return true
        default: return GoFormat.string(self) == GoFormat.string(other)
        }
    }
}
