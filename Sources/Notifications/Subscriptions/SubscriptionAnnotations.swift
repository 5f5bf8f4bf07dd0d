/// Reads subscriptions from an Application's (or AppProject's) annotations:
/// `notifications.argoproj.io/subscribe.<trigger>.<service>: "<recipient>;<recipient>"`.
/// An empty trigger (`subscribe..<service>`) subscribes to the default triggers; an empty value
/// subscribes the service with no recipient, as webhooks need.
public enum SubscriptionAnnotations {
    /// The annotation key prefix.
    public static let prefix = "notifications.argoproj.io/subscribe."

    /// The destinations of each trigger.
    public static func destinations(_ annotations: [String: String], defaultTriggers: [String]) -> [String: [Destination]] {
        var result: [String: [Destination]] = [:]
        for (key, value) in annotations where key.hasPrefix(prefix) {
            let rest = key.dropFirst(prefix.count)
            guard let dot = rest.firstIndex(of: "."), rest.index(after: dot) < rest.endIndex else { continue }
            let trigger = String(rest[..<dot]), service = String(rest[rest.index(after: dot)...])
            var recipients = value.split(separator: ";").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            if recipients.isEmpty { recipients = [""] }
            for name in trigger.isEmpty ? defaultTriggers : [trigger] {
                for recipient in recipients {
                    let destination = Destination(service: service, recipient: recipient)
                    if !(result[name]?.contains(destination) ?? false) { result[name, default: []].append(destination) }
                }
            }
        }
        return result
    }
}

extension Substring {
    /// The text without leading and trailing spaces, tabs and newlines.
    fileprivate func trimmingWhitespace() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
