/// Where a notification goes: a configured service and a recipient in it (a Slack channel; empty
/// for webhooks, whose URL is the destination).
public struct Destination: Sendable, Hashable, CustomStringConvertible {
    /// The service's name (`slack`, or `<name>` of `service.webhook.<name>`).
    public var service: String
    /// The recipient, possibly empty.
    public var recipient: String

    public init(service: String, recipient: String) {
        self.service = service
        self.recipient = recipient
    }

    public var description: String { recipient.isEmpty ? service : "\(service):\(recipient)" }
}
