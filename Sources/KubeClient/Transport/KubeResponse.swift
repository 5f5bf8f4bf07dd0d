/// A successful (2xx) answer, read whole.
struct KubeResponse: Sendable {
    /// The HTTP status code.
    var statusCode: Int
    /// The body.
    var body: [UInt8]
    /// `Warning` headers (deprecations, unknown fields), without the `299 - ` prefix.
    var warnings: [String]
}
