/// The phases of a sync, in the order they run; `SyncFail` runs only when an earlier phase failed.
public enum SyncPhase: String, Sendable, Codable, CaseIterable, Comparable {
    case preSync = "PreSync"
    case sync = "Sync"
    case postSync = "PostSync"
    case syncFail = "SyncFail"

    private var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: SyncPhase, rhs: SyncPhase) -> Bool { lhs.rank < rhs.rank }
}
