/// A notification made from one or more templates for one destination, ready to send.
public struct RenderedNotification: Sendable, Equatable {
    /// The message, the body services use when they have no specific part.
    public var message: String = ""
    /// The webhook parts by webhook service name.
    public var webhook: [String: WebhookPart] = [:]
    /// The Slack part, if a template has one.
    public var slack: SlackPart?

    public init() {}
}
