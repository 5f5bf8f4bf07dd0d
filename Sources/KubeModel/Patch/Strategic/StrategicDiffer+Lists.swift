extension StrategicDiffer {
    /// The patch of a list field with the merge strategy: the changed and added elements, the
    /// scalars to delete (`$deleteFromPrimitiveList`), and the `$setElementOrder` list.
    func diffLists(_ original: [JSONValue], _ modified: [JSONValue], field: PatchSchemaField, at path: StrategicPatchPath)
        throws(PatchError) -> (changes: [JSONValue], deletions: [JSONValue], order: [JSONValue])
    {
        if original.isEmpty {
            return (modified.isEmpty || ignoreChangesAndAdditions ? [] : modified, [], [])
        }
        if try StrategicListIdentity.elementsAreObjects(original, modified, at: path) {
            guard let mergeKey = field.patchMergeKey, !mergeKey.isEmpty else {
                throw .malformed(
                    "strategic", path: path.description,
                    "this list of objects has no merge key, so a patch cannot tell its elements apart")
            }
            let (changes, order) = try diffObjectLists(original, modified, mergeKey: mergeKey, field: field, at: path)
            return (changes, [], order)
        }
        return diffScalarLists(original, modified)
    }

    private func diffObjectLists(
        _ original: [JSONValue], _ modified: [JSONValue], mergeKey: String, field: PatchSchemaField,
        at path: StrategicPatchPath
    ) throws(PatchError) -> (changes: [JSONValue], order: [JSONValue]) {
        let identity = StrategicListIdentity(mergeKey: mergeKey)
        var originalByKey: [StrategicValueKey: JSONObject] = [:]
        originalByKey.reserveCapacity(original.count)
        var originalKeys: [StrategicValueKey] = []
        originalKeys.reserveCapacity(original.count)
        for (position, element) in original.enumerated() {
            guard let key = identity.key(of: element), let members = element.objectValue else {
                throw identity.missingKey(element, position: position, in: "existing list", inDocument: true, at: path)
            }
            originalKeys.append(key)
            if originalByKey[key] == nil { originalByKey[key] = members }
        }

        var changes: [JSONValue] = []
        var modifiedKeys: [StrategicValueKey] = []
        modifiedKeys.reserveCapacity(modified.count)
        var order: [JSONValue] = []
        order.reserveCapacity(modified.count)
        for (position, element) in modified.enumerated() {
            guard let members = element.objectValue, let keyValue = members[mergeKey] else {
                throw identity.missingKey(element, position: position, in: "modified list", inDocument: true, at: path)
            }
            let key = StrategicValueKey(keyValue)
            modifiedKeys.append(key)
            order.append([mergeKey: keyValue])
            guard let old = originalByKey[key] else {
                if !ignoreChangesAndAdditions { changes.append(element) }
                continue
            }
            let elementPath = path.appending(mergeKey: mergeKey, value: keyValue)
            let nested = try diffObjects(
                old, members, type: field.type.elementType, retainKeys: field.retainsKeys, at: elementPath)
            if !nested.isEmpty {
                // The merge key leads so that the patch element says which element it changes.
                var change: JSONObject = [mergeKey: keyValue]
                for (name, value) in nested where name != mergeKey { change[name] = value }
                changes.append(.object(change))
            }
        }

        if !ignoreDeletions {
            let kept = Set(modifiedKeys)
            var deleted = Set<StrategicValueKey>()
            for (position, key) in originalKeys.enumerated() where !kept.contains(key) && deleted.insert(key).inserted {
                let keyValue = original[position].objectValue?[mergeKey] ?? .null
                changes.append([mergeKey: keyValue, StrategicDirective.patch: .string(StrategicDirective.delete)])
            }
        }
        // The order goes along when the elements changed or moved, so that new elements land where
        // the modified list has them rather than where merging would put them.
        let orderSame = originalKeys == modifiedKeys
        let needsOrder = (!ignoreChangesAndAdditions && (!changes.isEmpty || !orderSame))
            || (!ignoreDeletions && !changes.isEmpty)
        return (changes, needsOrder ? order : [])
    }

    private func diffScalarLists(_ original: [JSONValue], _ modified: [JSONValue])
        -> (changes: [JSONValue], deletions: [JSONValue], order: [JSONValue])
    {
        let originalKeys = Set(original.map(StrategicValueKey.init))
        let modifiedKeys = Set(modified.map(StrategicValueKey.init))
        var additions: [JSONValue] = []
        var deletions: [JSONValue] = []
        if !ignoreChangesAndAdditions {
            var added = Set<StrategicValueKey>()
            for value in modified {
                let key = StrategicValueKey(value)
                if !originalKeys.contains(key) && added.insert(key).inserted { additions.append(value) }
            }
        }
        if !ignoreDeletions {
            var removed = Set<StrategicValueKey>()
            for value in original {
                let key = StrategicValueKey(value)
                if !modifiedKeys.contains(key) && removed.insert(key).inserted { deletions.append(value) }
            }
        }
        let needsOrder = (!ignoreDeletions && !deletions.isEmpty)
            || (!ignoreChangesAndAdditions && !StrategicValueKey.deepEqual(.array(original), .array(modified)))
        return (additions, deletions, needsOrder ? modified : [])
    }
}
