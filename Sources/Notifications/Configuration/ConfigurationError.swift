/// A part of `argocd-notifications-cm` that cannot be used, naming the key and what to fix. The part
/// is skipped; the rest of the configuration still works.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The ConfigMap key concerned (`trigger.on-sync-failed`, `service.webhook.github`, ...).
    public let key: String
    /// What is wrong.
    public let reason: String

    init(key: String, _ reason: String) {
        self.key = key
        self.reason = reason
    }

    public var description: String { "argocd-notifications-cm \(key): \(reason)" }
}
