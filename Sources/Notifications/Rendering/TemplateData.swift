import GoTemplate
import KubeModel

/// The value templates see as `.`: `.app`, `.context`, `.serviceType`, `.recipient` and the `.repo`
/// helpers, as upstream's notification templates have them.
enum TemplateData {
    static func make(app: JSONValue, context: [String: String], serviceType: String, recipient: String) -> GoValue {
        .map(
            GoMap([
                "app": GoValueBuilder.value(app, integers: true),
                "context": .map(GoMap(context.mapValues { .string($0) }, elementType: .string, typeName: "map[string]string")),
                "serviceType": .string(serviceType),
                "recipient": .string(recipient),
                "repo": RepoFunctions.value,
            ]))
    }
}
