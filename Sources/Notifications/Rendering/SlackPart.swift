/// The rendered Slack part of a notification.
public struct SlackPart: Sendable, Equatable {
    /// JSON array of legacy attachments (empty for none).
    public var attachments: String
    /// JSON array of Block Kit blocks (empty for none).
    public var blocks: String
    /// Overrides the service's user name.
    public var username: String
    /// Overrides the service's icon (an emoji like `:rocket:` or a URL).
    public var icon: String

    public init(attachments: String, blocks: String, username: String, icon: String) {
        self.attachments = attachments
        self.blocks = blocks
        self.username = username
        self.icon = icon
    }
}
