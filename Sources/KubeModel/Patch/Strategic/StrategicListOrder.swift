/// The element order of a merged list, as apimachinery decides it.
///
/// The elements named by the patch (or by `$setElementOrder`) keep the patch's order; the elements
/// only the server had keep theirs; and the two runs are interleaved by walking both and taking the
/// server element first only when both elements exist in the server list and the server element
/// comes earlier there. A patch element the server list did not have therefore lands before the
/// server elements that follow the last matched one: adding `d` to `[a, b, c]` gives `[d, a, b, c]`,
/// exactly what kubectl produces.
enum StrategicListOrder {
    /// Orders `merged`.
    /// - Parameters:
    ///   - merged: The list after merging, in any order.
    ///   - patchOrder: The patch list or the `$setElementOrder` list: elements it names come first
    ///     in its order.
    ///   - serverOrder: The list before merging.
    ///   - patchListName: How errors name `patchOrder` ("patch list", "$setElementOrder list").
    static func arrange(
        _ merged: [JSONValue], patchOrder: [JSONValue], serverOrder: [JSONValue],
        identity: StrategicListIdentity, patchListName: String, at path: StrategicPatchPath
    ) throws(PatchError) -> [JSONValue] {
        let patchPositions = try positions(
            of: patchOrder, identity: identity, name: patchListName, inDocument: false, at: path)
        let serverPositions = try positions(
            of: serverOrder, identity: identity, name: "existing list", inDocument: true, at: path)

        var fromPatch: [Item] = []
        var serverOnly: [Item] = []
        for (position, element) in merged.enumerated() {
            guard let key = identity.key(of: element) else {
                throw identity.missingKey(element, position: position, in: "existing list", inDocument: true, at: path)
            }
            let serverRank = serverPositions[key]
            if let rank = patchPositions[key] {
                fromPatch.append(Item(element: element, rank: rank, serverRank: serverRank))
            } else {
                serverOnly.append(Item(element: element, rank: serverRank ?? Int.max, serverRank: serverRank))
            }
        }
        let patchRun = sortedKeepingDeletionsLast(fromPatch, identity: identity)
        let serverRun = sortedKeepingDeletionsLast(serverOnly, identity: identity)

        var result: [JSONValue] = []
        result.reserveCapacity(merged.count)
        var left = 0
        var right = 0
        while left < serverRun.count, right < patchRun.count {
            if let serverRank = serverRun[left].serverRank, let patchRank = patchRun[right].serverRank,
                serverRank < patchRank
            {
                result.append(serverRun[left].element)
                left += 1
            } else {
                result.append(patchRun[right].element)
                right += 1
            }
        }
        result.append(contentsOf: serverRun[left...].map(\.element))
        result.append(contentsOf: patchRun[right...].map(\.element))
        return result
    }

    /// An element with its sort rank in its run and its position in the server list, if it was there.
    private struct Item {
        let element: JSONValue
        let rank: Int
        let serverRank: Int?
    }

    /// The first position of each identity in `list`.
    private static func positions(
        of list: [JSONValue], identity: StrategicListIdentity, name: String, inDocument: Bool, at path: StrategicPatchPath
    ) throws(PatchError) -> [StrategicValueKey: Int] {
        var positions: [StrategicValueKey: Int] = [:]
        positions.reserveCapacity(list.count)
        for (position, element) in list.enumerated() {
            guard let key = identity.key(of: element) else {
                throw identity.missingKey(element, position: position, in: name, inDocument: inDocument, at: path)
            }
            if positions[key] == nil { positions[key] = position }
        }
        return positions
    }

    /// Stable sort by rank; `$patch: delete` elements (present only when merging two patches) keep
    /// their relative order after all the others.
    private static func sortedKeepingDeletionsLast(_ items: [Item], identity: StrategicListIdentity) -> [Item] {
        let deletions = items.filter { identity.isDeletion($0.element) }
        let others = deletions.isEmpty ? items : items.filter { !identity.isDeletion($0.element) }
        let sorted = others.enumerated()
            .sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }
            .map(\.element)
        return sorted + deletions
    }
}
