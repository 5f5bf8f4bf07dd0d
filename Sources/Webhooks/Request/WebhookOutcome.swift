/// What a verified webhook delivery asks of Wharf.
public enum WebhookOutcome: Sendable, Hashable {
    /// Commits were pushed: refresh the Applications the event ``WebhookMatcher/affects(application:event:)``.
    case push(PushEvent)
    /// The provider is testing the hook (GitHub `ping`, Bitbucket Server `diagnostics:ping`); answer
    /// success and do nothing.
    case ping(WebhookProvider)
    /// A well-formed event that does not change any revision (issues, pull requests, ...); answer
    /// success and do nothing. `event` is the provider's name for it, for the log.
    case ignored(WebhookProvider, event: String)
}
