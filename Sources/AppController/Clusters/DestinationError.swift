/// Why an application's destination cannot be deployed to, in upstream's words where upstream has them.
struct DestinationError: Error, Sendable {
    /// The message for the application's condition.
    let message: String
    /// Whether no cluster is configured under that name or URL (rather than one that cannot be reached).
    let unconfigured: Bool

    init(_ message: String, unconfigured: Bool = false) {
        self.message = message
        self.unconfigured = unconfigured
    }
}
