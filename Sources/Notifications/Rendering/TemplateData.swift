import GoTemplate
import KubeModel

/// The value templates see as `.`: `.app`, `.context`, `.serviceType`, `.recipient` and the `.repo`
/// helpers, as upstream's notification templates have them.
enum TemplateData {
    static func make(app: JSONValue, context: [String: String], serviceType: String, recipient: String) -> GoValue {
        .map(
            GoMap([
                "app": value(app),
                "context": .map(GoMap(context.mapValues { .string($0) }, elementType: .string, typeName: "map[string]string")),
                "serviceType": .string(serviceType),
                "recipient": .string(recipient),
                "repo": RepoFunctions.value,
            ]))
    }

    /// JSON as Go's decoding of an object into `map[string]interface{}` through Kubernetes'
    /// unstructured converter gives it: integers as `int64`, other numbers as `float64`.
    static func value(_ json: JSONValue) -> GoValue {
        switch json {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .number(let number): number.int64Value.map { .int64($0) } ?? .float64(number.doubleValue)
        case .string(let text): .string(text)
        case .array(let elements): .list(GoList(elements.map(value)))
        case .object(let members): .map(GoMap(Dictionary(members.map { ($0.key, value($0.value)) }, uniquingKeysWith: { $1 })))
        }
    }
}
