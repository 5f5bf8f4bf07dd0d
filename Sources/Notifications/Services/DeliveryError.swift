/// A notification a service did not accept. It names the service and destination, never URLs,
/// tokens or passwords, which may be secret.
public struct DeliveryError: Error, Sendable, CustomStringConvertible {
    /// The destination that was not reached.
    public let destination: Destination
    /// What went wrong.
    public let reason: String

    public var description: String { "notification to \(destination) failed: \(reason)" }
}
