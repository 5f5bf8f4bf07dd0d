/// Computes the strategic merge patch between two objects, following apimachinery's `diffMaps`:
/// changed and added fields are set, removed fields become `null`, removed elements of merged lists
/// become `$patch: delete` elements (objects) or `$deleteFromPrimitiveList` entries (scalars), and
/// `$setElementOrder` records the order of merged lists whose content or order changed.
struct StrategicDiffer {
    /// Leave changes and additions out (the deletions half of a three-way patch).
    var ignoreChangesAndAdditions = false
    /// Leave deletions out (the additions half of a three-way patch).
    var ignoreDeletions = false

    /// The patch that turns `original` into `modified`, both objects of `type`.
    /// - Parameter retainKeys: Whether the object's field has the `retainKeys` strategy, so that the
    ///   patch lists the keys to keep in `$retainKeys`.
    func diffObjects(
        _ original: JSONObject, _ modified: JSONObject, type: PatchSchemaType?, retainKeys: Bool,
        at path: StrategicPatchPath
    ) throws(PatchError) -> JSONObject {
        var patch = JSONObject()
        var retained: [String] = []
        for (key, newValue) in modified {
            if retainKeys && !newValue.isNull { retained.append(key) }
            guard let oldValue = original[key] else {
                if !ignoreChangesAndAdditions { patch[key] = newValue }
                continue
            }
            if key == StrategicDirective.patch {
                guard oldValue.stringValue != nil, newValue.stringValue != nil else {
                    throw .malformed("strategic", path: path.description, "$patch must be a string")
                }
                if oldValue != newValue { patch[key] = newValue }
                continue
            }
            let memberPath = path.appending(key)
            switch (oldValue, newValue) {
            case (.object(let oldMembers), .object(let newMembers)):
                let field = type?.field(key)
                if field?.replacesObject == true {
                    setIfChanged(key, from: oldValue, to: newValue, in: &patch)
                } else {
                    let nested = try diffObjects(
                        oldMembers, newMembers, type: field?.type, retainKeys: field?.retainsKeys ?? false, at: memberPath)
                    if !nested.isEmpty { patch[key] = .object(nested) }
                }
            case (.array(let oldElements), .array(let newElements)):
                let field = type?.field(key)
                if let field, field.mergesList {
                    let lists = try diffLists(oldElements, newElements, field: field, at: memberPath)
                    if !lists.changes.isEmpty { patch[key] = .array(lists.changes) }
                    if !lists.deletions.isEmpty {
                        patch["\(StrategicDirective.deleteFromPrimitiveListPrefix)/\(key)"] = .array(lists.deletions)
                    }
                    if !lists.order.isEmpty {
                        patch["\(StrategicDirective.setElementOrderPrefix)/\(key)"] = .array(lists.order)
                    }
                } else {
                    setIfChanged(key, from: oldValue, to: newValue, in: &patch)
                }
            default:
                setIfChanged(key, from: oldValue, to: newValue, in: &patch)
            }
        }
        if !ignoreDeletions {
            for key in original.keys where modified[key] == nil {
                patch[key] = .null
            }
        }
        // The keys to keep go along whenever the patch changes something or the original has a
        // field the modified object dropped, so that applying it clears the fields not listed.
        if !retained.isEmpty
            && (!patch.isEmpty || original.contains { !$0.value.isNull && modified[$0.key] == nil })
        {
            patch[StrategicDirective.retainKeys] = .array(retained.sorted().map(JSONValue.string))
        }
        return patch
    }

    private func setIfChanged(_ key: String, from oldValue: JSONValue, to newValue: JSONValue, in patch: inout JSONObject) {
        if !ignoreChangesAndAdditions && !StrategicValueKey.deepEqual(oldValue, newValue) {
            patch[key] = newValue
        }
    }
}
