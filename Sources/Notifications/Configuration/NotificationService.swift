/// A configured notification service (`service.<type>` or `service.<type>.<name>`).
public enum NotificationService: Sendable, Equatable {
    case webhook(WebhookOptions)
    case slack(SlackOptions)

    /// The service type, as templates see it in `.serviceType`.
    public var type: String {
        switch self {
        case .webhook: "webhook"
        case .slack: "slack"
        }
    }
}
