import Foundation

/// Token timestamps as upstream's CLI prints them: RFC 3339 in the local time zone.
enum ProjectTokenTime {
    /// `seconds` since the epoch in RFC 3339, or `Never` for 0 (no expiry).
    static func text(_ seconds: Int64) -> String {
        guard seconds > 0 else { return "Never" }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = .current
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
