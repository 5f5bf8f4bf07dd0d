public import KubeModel

/// Lists where two JSON trees differ, member by member and element by element.
public enum StructuredDiff {
    /// The changes that turn `old` into `new`, in document order of `new` (removals first per object).
    public static func changes(from old: JSONValue, to new: JSONValue) -> [FieldChange] {
        var changes: [FieldChange] = []
        collect(old, new, at: JSONPointer(tokens: []), into: &changes)
        return changes
    }

    private static func collect(_ old: JSONValue, _ new: JSONValue, at path: JSONPointer, into changes: inout [FieldChange]) {
        switch (old, new) {
        case (.object(let before), .object(let after)):
            for (key, value) in before where after[key] == nil {
                changes.append(FieldChange(path: path.appending(key), kind: .removed, old: value, new: nil))
            }
            for (key, value) in after {
                if let previous = before[key] {
                    collect(previous, value, at: path.appending(key), into: &changes)
                } else {
                    changes.append(FieldChange(path: path.appending(key), kind: .added, old: nil, new: value))
                }
            }
        case (.array(let before), .array(let after)) where before.count == after.count:
            for index in before.indices {
                collect(before[index], after[index], at: path.appending(String(index)), into: &changes)
            }
        case (.null, _) where path.tokens.isEmpty:
            changes.append(FieldChange(path: path, kind: .added, old: nil, new: new))
        case (_, .null) where path.tokens.isEmpty:
            changes.append(FieldChange(path: path, kind: .removed, old: old, new: nil))
        default:
            if old != new { changes.append(FieldChange(path: path, kind: .changed, old: old, new: new)) }
        }
    }
}
