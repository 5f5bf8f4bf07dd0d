extension StrategicMerger {
    /// Merges a list field: element by element when the schema gives it the `merge` strategy or the
    /// patch is a `$deleteFromPrimitiveList` list; otherwise the patch list replaces the original.
    /// - Returns: The merged list, and the order `$setElementOrder` must treat as the original's
    ///   when it differs from the original list (see ``mergeObjects(_:with:mergeKey:type:at:)``).
    func mergeListField(
        _ original: [JSONValue], with patch: [JSONValue], field: PatchSchemaField?, isDeletion: Bool,
        at path: StrategicPatchPath
    ) throws(PatchError) -> (elements: [JSONValue], orderBasis: [JSONValue]?) {
        guard field?.mergesList == true || isDeletion else {
            return (mode == .apply ? Self.cleanedList(patch) : patch, nil)
        }
        if original.isEmpty && patch.isEmpty { return (original, nil) }
        let elementsAreObjects = try StrategicListIdentity.elementsAreObjects(original, patch, at: path)
        guard elementsAreObjects else {
            return (try mergeScalars(original, with: patch, isDeletion: isDeletion, at: path), nil)
        }
        guard let mergeKey = field?.patchMergeKey, !mergeKey.isEmpty else {
            throw .malformed(
                "strategic", path: path.description,
                "this list of objects has no merge key, so its elements cannot be merged or deleted one by one")
        }
        return try mergeObjects(original, with: patch, mergeKey: mergeKey, type: field?.type.elementType, at: path)
    }

    /// A list of scalars with the merge strategy is a set: the patch adds its values, and a
    /// `$deleteFromPrimitiveList` list removes its values.
    private func mergeScalars(
        _ original: [JSONValue], with patch: [JSONValue], isDeletion: Bool, at path: StrategicPatchPath
    ) throws(PatchError) -> [JSONValue] {
        if isDeletion {
            let removed = Set(patch.map(StrategicValueKey.init))
            return original.filter { !removed.contains(StrategicValueKey($0)) }
        }
        var seen = Set<StrategicValueKey>()
        seen.reserveCapacity(original.count + patch.count)
        let union = (original + patch).filter { seen.insert(StrategicValueKey($0)).inserted }
        return try StrategicListOrder.arrange(
            union, patchOrder: patch, serverOrder: original, identity: StrategicListIdentity(mergeKey: nil),
            patchListName: "patch list", at: path)
    }

    /// A list of objects with the merge strategy: elements match by merge key and merge; new
    /// elements are added; `{"$patch": "delete", <key>: ...}` removes the matching elements and
    /// `{"$patch": "replace"}` makes the patch's other elements the whole list.
    ///
    /// apimachinery removes elements by shifting the rest down inside the original list's storage
    /// and then appends new elements into the freed slots, so a following `$setElementOrder` step
    /// sees the original list as the remaining elements followed by as many new elements as were
    /// removed. That view decides where elements the order list does not name end up; it is
    /// returned as the order basis so that the result matches kubectl and the API server.
    private func mergeObjects(
        _ original: [JSONValue], with patch: [JSONValue], mergeKey: String, type: PatchSchemaType?,
        at path: StrategicPatchPath
    ) throws(PatchError) -> (elements: [JSONValue], orderBasis: [JSONValue]?) {
        let identity = StrategicListIdentity(mergeKey: mergeKey)
        var deleted = Set<StrategicValueKey>()
        var replace = false
        var changes: [JSONObject] = []
        for (position, element) in patch.enumerated() {
            // elementsAreObjects ruled out scalars; a null element names nothing and is skipped.
            guard let members = element.objectValue else { continue }
            guard let directive = members[StrategicDirective.patch] else {
                changes.append(members)
                continue
            }
            switch directive.stringValue {
            case StrategicDirective.delete:
                guard let keyValue = members[mergeKey] else {
                    throw .malformed(
                        "strategic", path: path.appending(index: position).description,
                        "a $patch: delete element must name the element to delete by its merge key \"\(mergeKey)\"")
                }
                deleted.insert(StrategicValueKey(keyValue))
            case StrategicDirective.replace:
                replace = true
            case StrategicDirective.merge:
                throw .malformed(
                    "strategic", path: path.appending(index: position).description,
                    "$patch: merge is not supported in a list; its elements already merge by \"\(mergeKey)\"")
            default:
                throw .malformed(
                    "strategic", path: path.appending(index: position).description,
                    "unknown $patch value \(JSONWriter.string(directive)) in a list element: use \"delete\" or \"replace\"")
            }
        }

        let base: [JSONValue]
        if replace {
            // The list becomes the patch's other elements; nothing is merged into them.
            base = changes.map { mode == .apply ? .object(Self.cleanedMembers($0)) : .object($0) }
            changes = []
        } else if deleted.isEmpty {
            base = original
        } else {
            base = original.filter { element in
                guard let keyValue = element.objectValue?[mergeKey] else { return true }
                return !deleted.contains(StrategicValueKey(keyValue))
            }
        }

        var merged = base
        var appended: [JSONValue] = []
        var positions: [StrategicValueKey: Int] = [:]
        positions.reserveCapacity(merged.count + changes.count)
        for (position, element) in merged.enumerated() {
            if let key = identity.key(of: element), positions[key] == nil { positions[key] = position }
        }
        for (position, change) in changes.enumerated() {
            guard let keyValue = change[mergeKey] else {
                throw identity.missingKey(.object(change), position: position, in: "patch list", inDocument: false, at: path)
            }
            let key = StrategicValueKey(keyValue)
            if let existing = positions[key], let members = merged[existing].objectValue {
                let elementPath = path.appending(mergeKey: mergeKey, value: keyValue)
                merged[existing] = .object(try mergeObject(members, with: change, type: type, at: elementPath))
            } else {
                let element: JSONValue = mode == .apply ? .object(Self.cleanedMembers(change)) : .object(change)
                merged.append(element)
                appended.append(element)
                positions[key] = merged.count - 1
            }
        }
        let arranged = try StrategicListOrder.arrange(
            merged, patchOrder: changes.map(JSONValue.object), serverOrder: base, identity: identity,
            patchListName: "patch list", at: path)
        let removedCount = replace ? 0 : original.count - base.count
        guard removedCount > 0, !appended.isEmpty else { return (arranged, nil) }
        return (arranged, base + appended.prefix(removedCount))
    }
}
