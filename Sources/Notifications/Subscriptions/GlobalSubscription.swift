public import KubeModel

/// An entry of the `subscriptions` key: recipients (`<service>:<recipient>` or `<service>`) of some
/// triggers (the default triggers when none are listed), for the applications its label `selector`
/// matches (all when it has none).
public struct GlobalSubscription: Sendable {
    /// The destinations.
    public var recipients: [Destination]
    /// The triggers; empty means `defaultTriggers`.
    public var triggers: [String]
    /// Which applications, by their labels.
    public var selector: LabelSelector

    init(_ json: JSONValue, position: Int) throws(ConfigurationError) {
        guard json.objectValue != nil else { throw ConfigurationError(key: "subscriptions", "entry \(position + 1) is a \(json.typeName), not a map") }
        recipients = (json["recipients"]?.arrayValue ?? []).compactMap(\.stringValue).map { text in
            let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            return Destination(service: String(parts[0]), recipient: parts.count > 1 ? String(parts[1]) : "")
        }
        triggers = (json["triggers"]?.arrayValue ?? []).compactMap(\.stringValue)
        do {
            selector = try LabelSelector(parsing: json["selector"]?.stringValue ?? "")
        } catch {
            throw ConfigurationError(key: "subscriptions", "entry \(position + 1) has an invalid selector: \(error)")
        }
    }
}
