/// The health of a resource or an application, in upstream's order from best to worst: an
/// application's health is the worst of its resources'.
public enum HealthStatusCode: String, Sendable, Codable, CaseIterable, Comparable {
    case healthy = "Healthy"
    case suspended = "Suspended"
    case progressing = "Progressing"
    case missing = "Missing"
    case degraded = "Degraded"
    case unknown = "Unknown"

    private var rank: Int { Self.allCases.firstIndex(of: self)! }

    /// Whether `lhs` is better than `rhs`.
    public static func < (lhs: HealthStatusCode, rhs: HealthStatusCode) -> Bool { lhs.rank < rhs.rank }

    /// Whether this status is worse than `other` (gitops-engine's `IsWorse`).
    public func isWorse(than other: HealthStatusCode) -> Bool { self > other }
}
