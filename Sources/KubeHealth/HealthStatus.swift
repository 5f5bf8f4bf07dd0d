/// The health of one resource as a health check assessed it: a status code and a message for people.
///
/// Messages follow upstream's wording so that what Wharf shows reads like what Argo CD shows; many
/// healthy resources have an empty message.
public struct HealthStatus: Sendable, Hashable, Codable {
    /// How healthy the resource is.
    public var status: HealthStatusCode
    /// Why, in the words of the resource's controller or of the check; may be empty.
    public var message: String

    /// Creates a health status.
    public init(_ status: HealthStatusCode, message: String = "") {
        self.status = status
        self.message = message
    }
}
