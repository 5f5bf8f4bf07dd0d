extension MergePatch {
    /// The merge patch client-side apply sends for kinds without a strategic schema (custom resources).
    ///
    /// Deletions come from `original` → `modified` (fields the user stopped declaring), additions and
    /// changes from `current` → `modified`; fields that only `current` has (set by the server or by
    /// other actors) are left alone.
    /// - Parameters:
    ///   - original: The last applied configuration, or the desired object itself when there is none.
    ///   - modified: The desired object.
    ///   - current: The live object.
    public static func createThreeWay(original: JSONValue, modified: JSONValue, current: JSONValue) -> JSONValue {
        guard case .object(let after) = modified, case .object(let live) = current else { return modified }
        let before = original.objectValue ?? [:]
        var patch = JSONObject()
        for (key, _) in before where after[key] == nil && live[key] != nil {
            patch[key] = .null
        }
        for (key, value) in after {
            guard let liveValue = live[key] else {
                patch[key] = value
                continue
            }
            if case .object = value, case .object = liveValue {
                let nested = createThreeWay(original: before[key] ?? .emptyObject, modified: value, current: liveValue)
                if nested.objectValue?.isEmpty == false { patch[key] = nested }
            } else if !liveValue.isIdentical(to: value) {
                patch[key] = value
            }
        }
        return .object(patch)
    }
}
