/// The shortest edit script between two line arrays (Myers' O((N+M)·D) algorithm).
enum LineDiff {
    /// One step of the script.
    enum Edit: Equatable {
        case keep
        case delete
        case insert
    }

    /// Edit distance beyond which the diff stops searching for a shortest script.
    static let maximumEditDistance = 5_000

    /// Edits that turn `old` into `new`; keeps, deletions and insertions in document order.
    static func edits(from old: [Substring], to new: [Substring]) -> [Edit] {
        // Equal prefixes and suffixes are common in manifests and cost nothing to strip.
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
            old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
        {
            suffix += 1
        }
        let oldMiddle = Array(old[prefix..<(old.count - suffix)])
        let newMiddle = Array(new[prefix..<(new.count - suffix)])
        return Array(repeating: .keep, count: prefix) + middleEdits(oldMiddle, newMiddle)
            + Array(repeating: .keep, count: suffix)
    }

    private static func middleEdits(_ old: [Substring], _ new: [Substring]) -> [Edit] {
        let n = old.count
        let m = new.count
        if n == 0 { return Array(repeating: .insert, count: m) }
        if m == 0 { return Array(repeating: .delete, count: n) }
        let maxD = n + m
        let offset = maxD
        var frontier = [Int](repeating: 0, count: 2 * maxD + 2)
        // trace[d] keeps the frontier for diagonals -d...d as it was before step d.
        var trace: [[Int]] = []
        search: for d in 0...maxD {
            if d > maximumEditDistance {
                // Past this the texts share little; a plain replacement reads as well and bounds memory.
                return Array(repeating: .delete, count: n) + Array(repeating: .insert, count: m)
            }
            trace.append(Array(frontier[(offset - d)...(offset + d)]))
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1]) {
                    x = frontier[offset + k + 1]
                } else {
                    x = frontier[offset + k - 1] + 1
                }
                var y = x - k
                while x < n, y < m, old[x] == new[y] {
                    x += 1
                    y += 1
                }
                frontier[offset + k] = x
                if x >= n && y >= m { break search }
            }
        }
        // Walk the trace backwards to recover the path.
        var edits: [Edit] = []
        var x = n
        var y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            if d == 0 {
                // Only the initial snake is left, all of it common lines.
                edits.append(contentsOf: repeatElement(.keep, count: x))
                break
            }
            let window = trace[d]
            func previous(_ diagonal: Int) -> Int { window[diagonal + d] }
            let k = x - y
            let previousK: Int
            if k == -d || (k != d && previous(k - 1) < previous(k + 1)) {
                previousK = k + 1
            } else {
                previousK = k - 1
            }
            let previousX = previous(previousK)
            let previousY = previousX - previousK
            while x > previousX && y > previousY {
                edits.append(.keep)
                x -= 1
                y -= 1
            }
            edits.append(x == previousX ? .insert : .delete)
            x = previousX
            y = previousY
        }
        return edits.reversed()
    }
}
