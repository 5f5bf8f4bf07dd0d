/// The rendered webhook part of a notification for one webhook service.
public struct WebhookPart: Sendable, Equatable {
    /// The HTTP method; empty keeps upstream's default, GET.
    public var method: String
    /// Appended to the service's URL after a `/`.
    public var path: String
    /// The request body.
    public var body: String

    public init(method: String, path: String, body: String) {
        self.method = method
        self.path = path
        self.body = body
    }
}
