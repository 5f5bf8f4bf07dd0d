import KubeModel

/// A `service.slack` (or `service.slack.<name>`) configuration.
///
/// With `token`, messages go through Slack's `chat.postMessage` API (at `apiURL`) to the channel
/// named by the recipient, as upstream sends them. With `webhookURL` (a Wharf addition; upstream
/// has no incoming-webhook mode) they are posted to that Slack-compatible incoming webhook, which
/// chooses the channel itself.
public struct SlackOptions: Sendable, Equatable {
    /// The bot token (usually `$slack-token`).
    public var token: String?
    /// The Web API base URL; Slack's by default.
    public var apiURL: String
    /// An incoming webhook URL, used instead of the API.
    public var webhookURL: String?
    /// The user name messages are posted as.
    public var username: String?
    /// The icon messages are posted with (an emoji like `:rocket:` or an image URL).
    public var icon: String?

    init(_ json: JSONValue, key: String) throws(ConfigurationError) {
        token = json["token"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        webhookURL = json["webhookURL"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        guard token != nil || webhookURL != nil else { throw ConfigurationError(key: key, "needs a `token` or a `webhookURL`") }
        apiURL = json["apiURL"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? "https://slack.com/api/"
        username = json["username"]?.stringValue
        icon = json["icon"]?.stringValue
    }
}
