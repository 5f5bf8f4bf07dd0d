import KubeModel

/// One `spec.strategy.rollingSync.steps` entry: which Applications (by label) and how many at once.
struct RollingSyncStep: Sendable, Equatable {
    /// The step's `matchExpressions`, over the Applications' labels.
    let selector: LabelSelector
    /// `maxUpdate`: a count, or a percentage of the step's Applications (rounded down, at least one
    /// when above 0%); nil for all of them.
    let maxUpdate: MaxUpdate?

    /// `maxUpdate` as written.
    enum MaxUpdate: Sendable, Equatable {
        case count(Int)
        case percent(Int)
    }

    /// How many of `total` Applications may be updating at once.
    func limit(of total: Int) -> Int {
        switch maxUpdate {
        case nil: return total
        case .count(let count): return max(0, count)
        case .percent(let percent):
            guard percent > 0 else { return 0 }
            return max(1, total * percent / 100)
        }
    }
}
