public import KubeModel

/// A named trigger (`trigger.<name>` in `argocd-notifications-cm`): conditions, each with the
/// templates it sends.
public struct Trigger: Sendable {
    /// The trigger's name, as subscriptions refer to it.
    public let name: String
    /// The conditions, in order.
    public let conditions: [TriggerCondition]

    /// Reads a trigger from its YAML: a list of conditions, or (as older upstream examples write it)
    /// a single one.
    public init(name: String, yaml: String) throws(ConfigurationError) {
        let document: JSONValue
        do {
            document = try YAMLReader.read(yaml, source: "trigger.\(name)")
        } catch {
            throw ConfigurationError(key: "trigger.\(name)", "not valid YAML: \(error)")
        }
        let items = document.arrayValue ?? [document]
        var conditions: [TriggerCondition] = []
        for (position, item) in items.enumerated() {
            conditions.append(try TriggerCondition(item, position: position, trigger: name))
        }
        self.name = name
        self.conditions = conditions
    }
}
