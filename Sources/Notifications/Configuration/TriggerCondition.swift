public import KubeModel

/// One condition of a trigger: when it holds, its templates are sent to the trigger's subscribers.
public struct TriggerCondition: Sendable {
    /// The `when` predicate.
    public let when: ConditionExpression
    /// The `oncePer` expression: a notification is sent once per distinct value of it.
    public let oncePer: ConditionExpression?
    /// The names of the templates sent (`send`).
    public let send: [String]
    /// The `description`, for people.
    public let description: String?
    /// Upstream's identity of the condition in the `notified` annotation: its position and a hash of
    /// its `when` text (`[0].<base64url(sha1(when))>`), so that editing a condition sends again.
    public let key: String

    /// Reads the condition at `position` of a trigger's YAML list.
    init(_ json: JSONValue, position: Int, trigger: String) throws(ConfigurationError) {
        let key = "trigger.\(trigger)"
        guard let members = json.objectValue else { throw ConfigurationError(key: key, "condition \(position + 1) is a \(json.typeName), not a map") }
        let whenText = members["when"]?.stringValue ?? ""
        do {
            when = try ConditionExpression(whenText.isEmpty ? "false" : whenText)
        } catch {
            throw ConfigurationError(key: key, "condition \(position + 1) `when`: \(error)")
        }
        if let text = members["oncePer"]?.stringValue, !text.isEmpty {
            do {
                oncePer = try ConditionExpression(text)
            } catch {
                throw ConfigurationError(key: key, "condition \(position + 1) `oncePer`: \(error)")
            }
        } else {
            oncePer = nil
        }
        send = members["send"]?.arrayValue?.compactMap(\.stringValue) ?? []
        description = members["description"]?.stringValue
        self.key = "[\(position)].\(ConditionHash.of(whenText))"
    }
}
