/// What to do for one Application: the notifications to send, and its state with the conditions
/// that no longer hold forgotten.
public struct NotificationPlan: Sendable {
    /// The notifications to send.
    public var pending: [PendingNotification] = []
    /// The state to record once they are sent (each one's key added when it was).
    public var state: NotificationState
    /// Subscriptions to unknown triggers and conditions that failed to evaluate, to report.
    public var problems: [String] = []
}
