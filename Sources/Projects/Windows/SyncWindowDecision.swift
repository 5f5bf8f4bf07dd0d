public import Foundation

/// Whether the sync windows that match an application let it sync now, by Argo CD's rules: an
/// active deny window blocks (manual syncs pass only if every active deny window allows them); an
/// active allow window lets syncs through; allow windows that match but are all closed block
/// (manual syncs pass if one of them allows them); no matching window means no restriction.
public struct SyncWindowDecision: Sendable, Equatable {
    /// Whether automated syncs may run.
    public let automatedAllowed: Bool
    /// Whether manual syncs may run.
    public let manualAllowed: Bool

    /// The decision of `windows` (those that match one application) at `date`.
    public init(windows: [SyncWindow], at date: Date) {
        let active = windows.filter { $0.isActive(at: date) }
        let activeDeny = active.filter { $0.kind == .deny }
        if !activeDeny.isEmpty {
            automatedAllowed = false
            manualAllowed = activeDeny.allSatisfy(\.manualSync)
            return
        }
        if active.contains(where: { $0.kind == .allow }) {
            automatedAllowed = true
            manualAllowed = true
            return
        }
        let closedAllows = windows.filter { $0.kind == .allow }
        if !closedAllows.isEmpty {
            automatedAllowed = false
            manualAllowed = closedAllows.contains(where: \.manualSync)
            return
        }
        automatedAllowed = true
        manualAllowed = true
    }

    /// Whether a sync started as `manual` (by a user) or automatically may run.
    public func allows(manual: Bool) -> Bool {
        manual ? manualAllowed : automatedAllowed
    }
}
