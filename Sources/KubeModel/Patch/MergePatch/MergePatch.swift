/// RFC 7386 JSON merge patch: objects merge recursively, `null` deletes, everything else replaces.
public enum MergePatch {
    /// Applies `patch` to `document`.
    public static func apply(_ patch: JSONValue, to document: JSONValue) -> JSONValue {
        guard case .object(let patchMembers) = patch else { return patch }
        var members = document.objectValue ?? [:]
        for (key, value) in patchMembers {
            if value.isNull {
                members.removeValue(forKey: key)
            } else {
                members[key] = apply(value, to: members[key] ?? .null)
            }
        }
        return .object(members)
    }

    /// Reads and applies a patch, rejecting a patch that is not an object since it would replace the
    /// whole Kubernetes object.
    public static func applyChecked(_ patch: JSONValue, to document: JSONValue) throws(PatchError) -> JSONValue {
        guard patch.objectValue != nil else {
            throw .malformed("merge", "a merge patch for an object must be a JSON object, found \(patch.typeName)")
        }
        return apply(patch, to: document)
    }

    /// The merge patch that turns `original` into `modified`.
    ///
    /// Merge patches cannot express setting a member to `null` (RFC 7386 §2), so members whose new value
    /// is `null` are removed instead, exactly as applying such a patch would do.
    public static func create(from original: JSONValue, to modified: JSONValue) -> JSONValue {
        guard case .object(let before) = original, case .object(let after) = modified else { return modified }
        var patch = JSONObject()
        for (key, _) in before where after[key] == nil {
            patch[key] = .null
        }
        for (key, value) in after {
            guard let old = before[key] else {
                patch[key] = value
                continue
            }
            if case .object = value, case .object = old {
                let nested = create(from: old, to: value)
                if nested.objectValue?.isEmpty == false { patch[key] = nested }
            } else if !old.isIdentical(to: value) {
                patch[key] = value
            }
        }
        return .object(patch)
    }

}
