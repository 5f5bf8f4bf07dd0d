/// A notification a trigger calls for and that was not sent yet.
public struct PendingNotification: Sendable, Equatable {
    /// The trigger's name.
    public let trigger: String
    /// The templates to render, in order.
    public let templates: [String]
    /// Where it goes.
    public let destination: Destination
    /// Its key in ``NotificationState``, recorded once it is sent.
    public let stateKey: String
}
