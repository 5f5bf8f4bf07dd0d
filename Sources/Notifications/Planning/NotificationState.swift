public import KubeModel

/// What was already sent for an Application, kept in its annotation
/// `notified.notifications.argoproj.io` in upstream's format: a JSON map from
/// `[<oncePer value>:]<trigger>:<condition key>:<service>:<recipient>` to the Unix time it was sent.
public struct NotificationState: Sendable, Equatable {
    /// The annotation's key.
    public static let annotation = "notified.notifications.argoproj.io"
    /// How many entries are kept (the oldest go first), as upstream bounds it.
    static let maximumEntries = 100

    /// The entries, by key.
    public private(set) var entries: [String: Int64]

    /// The state recorded in `object`'s annotation; unreadable state counts as empty, as upstream's does.
    public init(of object: KubeObject) {
        entries = [:]
        guard let text = object.annotation(Self.annotation), let members = try? JSONParser.parse(text).objectValue else { return }
        for (key, value) in members { entries[key] = value.int64Value ?? 0 }
    }

    /// The key of a notification sent for a condition to a destination.
    public static func key(trigger: String, condition: String, oncePer: String?, destination: Destination) -> String {
        let key = "\(trigger):\(condition):\(destination.service):\(destination.recipient)"
        guard let oncePer, !oncePer.isEmpty else { return key }
        return oncePer + ":" + key
    }

    /// Whether a notification with this key was sent.
    public func contains(_ key: String) -> Bool { entries[key] != nil }

    /// Records that the notification with this key was sent at `time` (Unix seconds).
    public mutating func markSent(_ key: String, at time: Int64) { entries[key] = time }

    /// Forgets a notification, so that it is sent again when its condition next holds.
    public mutating func forget(_ key: String) { entries[key] = nil }

    /// The annotation's value (JSON with sorted keys, as Go writes maps), nil when there is nothing to
    /// remember; only the newest ``maximumEntries`` are kept.
    public var annotationValue: JSONValue {
        guard !entries.isEmpty else { return .null }
        let kept = entries.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(Self.maximumEntries)
        var members: JSONObject = [:]
        for (key, time) in kept.sorted(by: { $0.key < $1.key }) { members[key] = .number(JSONNumber(time)) }
        return .string(JSONWriter.string(.object(members)))
    }
}
