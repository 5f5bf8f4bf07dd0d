import Foundation

/// RFC 3339 timestamps as Kubernetes writes them: UTC, whole seconds (`2026-11-22T18:00:00Z`).
enum Timestamps {
    static func format(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    static func parse(_ text: String) -> Date? {
        try? Date(text, strategy: .iso8601)
    }
}
