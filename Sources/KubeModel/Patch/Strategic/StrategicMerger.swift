/// The merge at the heart of strategic merge patch, following apimachinery's `strategicpatch`.
///
/// In ``Mode/apply`` it applies a patch to a document: directives take effect and are consumed,
/// `null` deletes. In ``Mode/combine`` it merges one patch into another, as client-side apply
/// merges the additions patch into the deletions patch: directives and `null`s are carried over so
/// that the result is itself a patch.
struct StrategicMerger {
    enum Mode {
        case apply
        case combine
    }

    let mode: Mode

    /// Merges `patch` into `original`, where both are objects of `type` (nil when the schema does
    /// not describe them: they merge as plain maps, lists are replaced).
    func mergeObject(
        _ original: JSONObject, with patch: JSONObject, type: PatchSchemaType?, at path: StrategicPatchPath
    ) throws(PatchError) -> JSONObject {
        if let directive = patch[StrategicDirective.patch] {
            return try objectDirective(directive, in: patch, at: path)
        }
        var result = original
        var remaining = patch
        try applyRetainKeys(to: &result, from: &remaining, at: path)
        try applyElementOrders(to: &result, from: &remaining, type: type, at: path)
        // Removals from scalar lists go last, so that a value the patch both adds and removes ends
        // up removed; apimachinery walks a Go map here and gives either result at random.
        var deletions: [(key: String, value: JSONValue)] = []
        for (key, value) in remaining {
            if key.hasPrefix(StrategicDirective.deleteFromPrimitiveListPrefix) {
                deletions.append((key, value))
            } else {
                try mergeMember(key, value, into: &result, type: type, at: path)
            }
        }
        for (key, value) in deletions {
            try mergeMember(key, value, into: &result, type: type, at: path)
        }
        return result
    }

    /// `{"$patch": "replace", ...}` stands for the rest of the object; `{"$patch": "delete"}` for an
    /// empty object.
    func objectDirective(
        _ directive: JSONValue, in patch: JSONObject, at path: StrategicPatchPath
    ) throws(PatchError) -> JSONObject {
        switch directive.stringValue {
        case StrategicDirective.replace:
            var content = patch
            content.removeValue(forKey: StrategicDirective.patch)
            return mode == .apply ? Self.cleanedMembers(content) : content
        case StrategicDirective.delete:
            return [:]
        default:
            throw .malformed(
                "strategic", path: path.description,
                "unknown $patch value \(JSONWriter.string(directive)) in an object: use \"replace\" or \"delete\"")
        }
    }

    /// `$retainKeys`: clears the keys of `result` the list does not name, after checking that the
    /// patch only sets keys it names.
    private func applyRetainKeys(
        to result: inout JSONObject, from patch: inout JSONObject, at path: StrategicPatchPath
    ) throws(PatchError) {
        guard let retain = patch.removeValue(forKey: StrategicDirective.retainKeys) else { return }
        if mode == .combine {
            if let existing = result[StrategicDirective.retainKeys] {
                guard StrategicValueKey.deepEqual(existing, retain) else {
                    throw .malformed(
                        "strategic", path: path.description,
                        "the two patches carry different $retainKeys: \(existing) and \(retain)")
                }
            } else {
                result[StrategicDirective.retainKeys] = retain
            }
            return
        }
        guard let names = retain.arrayValue else {
            throw .malformed(
                "strategic", path: path.description, "$retainKeys must be a list of field names, found \(retain.typeName)")
        }
        let kept = Set(names.map(StrategicValueKey.init))
        for (key, value) in patch where !value.isNull && !StrategicDirective.isDirective(key) {
            guard kept.contains(.string(key)) else {
                throw .malformed(
                    "strategic", path: path.description,
                    "the patch sets \"\(key)\" but $retainKeys does not list it; add it to $retainKeys")
            }
        }
        result = result.filter { kept.contains(.string($0.key)) }
    }

    /// `$setElementOrder/<list>`: merges the list it names (if the patch has one) and then puts the
    /// elements in the directive's order, keeping elements only the original has where they were.
    private func applyElementOrders(
        to result: inout JSONObject, from patch: inout JSONObject, type: PatchSchemaType?, at path: StrategicPatchPath
    ) throws(PatchError) {
        let orderKeys = patch.keys.filter { $0.hasPrefix(StrategicDirective.setElementOrderPrefix) }
        for orderKey in orderKeys {
            guard let order = patch.removeValue(forKey: orderKey) else { continue }
            if mode == .combine {
                if let existing = result[orderKey] {
                    guard StrategicValueKey.deepEqual(existing, order) else {
                        throw .malformed(
                            "strategic", path: path.description, "the two patches carry different \(orderKey) lists")
                    }
                } else {
                    result[orderKey] = order
                }
            }
            let name = try StrategicDirective.target(of: orderKey, prefix: StrategicDirective.setElementOrderPrefix, at: path)
            let listPath = path.appending(name)
            guard let orderList = order.arrayValue else {
                throw .malformed("strategic", path: path.description, "\(orderKey) must be a list, found \(order.typeName)")
            }
            let field = type?.field(name)
            let identity = StrategicListIdentity(mergeKey: Self.mergeKey(of: field, elements: orderList))
            let originalList = try existingList(result[name], named: orderKey, at: listPath)
            let patchList = try patchedList(patch[name], named: orderKey, at: listPath)
            try Self.validate(patchList ?? [], against: orderList, named: orderKey, identity: identity, at: listPath)

            let merged: [JSONValue]
            var serverOrder = originalList ?? []
            switch (originalList, patchList) {
            case (let original?, nil):
                merged = original
            case (nil, let added?):
                merged = mode == .apply ? Self.cleanedList(added) : added
            case (let original?, let changes?):
                let outcome = try mergeListField(original, with: changes, field: field, isDeletion: false, at: listPath)
                merged = outcome.elements
                if let basis = outcome.orderBasis { serverOrder = basis }
            case (nil, nil):
                continue
            }
            result[name] = .array(
                try StrategicListOrder.arrange(
                    merged, patchOrder: orderList, serverOrder: serverOrder, identity: identity,
                    patchListName: "\(orderKey) list", at: listPath))
            patch.removeValue(forKey: name)
        }
    }

    /// Merges one member of the patch into `result`.
    private func mergeMember(
        _ patchKey: String, _ value: JSONValue, into result: inout JSONObject, type: PatchSchemaType?,
        at path: StrategicPatchPath
    ) throws(PatchError) {
        var key = patchKey
        var isDeletion = false
        if patchKey.hasPrefix(StrategicDirective.deleteFromPrimitiveListPrefix) {
            if mode == .combine {
                result[patchKey] = value
                return
            }
            key = try StrategicDirective.target(of: patchKey, prefix: StrategicDirective.deleteFromPrimitiveListPrefix, at: path)
            isDeletion = true
            guard value.isNull || value.arrayValue != nil else {
                throw .malformed(
                    "strategic", path: path.appending(patchKey).description,
                    "\(patchKey) must be a list of the values to remove, found \(value.typeName)")
            }
        }
        let field = type?.field(key)

        if value.isNull {
            if mode == .combine {
                result[key] = .null
            } else {
                result.removeValue(forKey: key)
            }
            return
        }
        if mode == .apply && !isDeletion {
            try Self.checkShape(of: value, for: field, named: key, in: path)
        }
        guard let current = result[key] else {
            if !isDeletion { assign(value, to: key, in: &result) }
            return
        }
        switch (current, value) {
        case (.object(let currentMembers), .object(let patchMembers)):
            let memberPath = path.appending(key)
            if field?.replacesObject == true {
                result[key] = .object(try replacement(for: patchMembers, at: memberPath))
            } else {
                result[key] = .object(try mergeObject(currentMembers, with: patchMembers, type: field?.type, at: memberPath))
            }
        case (.array(let currentElements), .array(let patchElements)):
            result[key] = .array(
                try mergeListField(
                    currentElements, with: patchElements, field: field, isDeletion: isDeletion, at: path.appending(key)
                ).elements)
        case (.object, _), (.array, _), (_, .object), (_, .array):
            // Different JSON types: the patch value replaces the original one, as in apimachinery.
            if !isDeletion { assign(value, to: key, in: &result) }
        default:
            result[key] = value
        }
    }

    /// Sets a value the original did not have (or had with another type): in apply mode without
    /// `null` members and directives, dropping it altogether when it is itself a `$patch` object.
    private func assign(_ value: JSONValue, to key: String, in result: inout JSONObject) {
        guard mode == .apply else {
            result[key] = value
            return
        }
        if let cleaned = Self.cleaned(value) {
            result[key] = cleaned
        } else {
            result.removeValue(forKey: key)
        }
    }

    /// The new value of an object field with the `replace` patch strategy.
    private func replacement(for patch: JSONObject, at path: StrategicPatchPath) throws(PatchError) -> JSONObject {
        if let directive = patch[StrategicDirective.patch] {
            return try objectDirective(directive, in: patch, at: path)
        }
        return mode == .apply ? Self.cleanedMembers(patch) : patch
    }

    /// The original list value of a `$setElementOrder` target, which must be a list when present.
    private func existingList(_ value: JSONValue?, named orderKey: String, at path: StrategicPatchPath) throws(PatchError)
        -> [JSONValue]?
    {
        guard let value else { return nil }
        guard let elements = value.arrayValue else {
            throw .invalidTarget(
                "strategic", path: path.description,
                "\(orderKey) orders a list, but the document has a \(value.typeName) here")
        }
        return elements
    }

    /// The patch's list value of a `$setElementOrder` target, which must be a list when present.
    private func patchedList(_ value: JSONValue?, named orderKey: String, at path: StrategicPatchPath) throws(PatchError)
        -> [JSONValue]?
    {
        guard let value else { return nil }
        guard let elements = value.arrayValue else {
            throw .malformed(
                "strategic", path: path.description, "\(orderKey) orders a list, but the patch gives a \(value.typeName) here")
        }
        return elements
    }

    /// Rejects a patch value whose JSON type contradicts the schema (a list field given a string,
    /// an object field given a list), which apimachinery would store and the API server then
    /// refuse to decode.
    private static func checkShape(
        of value: JSONValue, for field: PatchSchemaField?, named key: String, in path: StrategicPatchPath
    ) throws(PatchError) {
        guard let field else { return }
        let expected: String
        switch field.type.kind {
        case .scalar, .untyped: return
        case .list:
            if case .array = value { return }
            expected = "a list"
        case .object, .map:
            if case .object = value { return }
            expected = "an object"
        }
        let found = value.typeName == "array" ? "an array" : "a \(value.typeName)"
        throw .malformed(
            "strategic", path: path.appending(key).description, "the schema has \(expected) here, but the patch gives \(found)")
    }

    /// The merge key a list uses: the schema's, or none for lists of scalars and unknown lists.
    static func mergeKey(of field: PatchSchemaField?, elements: [JSONValue]) -> String? {
        guard let key = field?.patchMergeKey, !key.isEmpty else { return nil }
        // A merge key is only meaningful for objects; lists of scalars compare whole values.
        if let first = elements.first(where: { !$0.isNull }), first.objectValue == nil { return nil }
        return key
    }

    /// Checks that the patch list names its elements in the same relative order as the
    /// `$setElementOrder` list (deletions and other directives aside).
    private static func validate(
        _ patchList: [JSONValue], against order: [JSONValue], named orderKey: String,
        identity: StrategicListIdentity, at path: StrategicPatchPath
    ) throws(PatchError) {
        guard !patchList.isEmpty, !order.isEmpty else { return }
        let elements = patchList.filter { $0.objectValue?[StrategicDirective.patch] == nil }
        var next = 0
        for (position, expected) in order.enumerated() where next < elements.count {
            guard let wanted = identity.key(of: expected) else {
                throw identity.missingKey(expected, position: position, in: "\(orderKey) list", inDocument: false, at: path)
            }
            guard let actual = identity.key(of: elements[next]) else {
                throw identity.missingKey(elements[next], position: next, in: "patch list", inDocument: false, at: path)
            }
            if actual == wanted { next += 1 }
        }
        if next < elements.count {
            throw .malformed(
                "strategic", path: path.description,
                "\(orderKey) must list every element of the patch list in the same order; "
                    + "\(JSONWriter.string(elements[next])) is missing or out of order")
        }
    }
}
