/// Kubernetes strategic merge patch, as kubectl and the API server (apimachinery `strategicpatch`)
/// apply and create it for built-in kinds.
///
/// Objects merge key by key and `null` deletes a key. Lists whose schema gives them the `merge`
/// strategy merge element by element, matched by the patch merge key (`containers` by `name`,
/// container `ports` by `containerPort`); lists of scalars with that strategy (`finalizers`) are
/// sets; all other lists are replaced. Directives refine this: `$patch: replace|delete` on an object,
/// `{"$patch": "delete", <key>: ...}` and `{"$patch": "replace"}` as list elements,
/// `$setElementOrder/<list>`, `$retainKeys` and `$deleteFromPrimitiveList/<list>`. The result never
/// contains directives.
///
/// Custom resources have no schema; for them use ``MergePatch`` (as kubectl and the API server do).
public enum StrategicMergePatch {
    /// Whether `gvk` is a built-in kind that strategic merge patch supports.
    public static func supports(_ gvk: GroupVersionKind) -> Bool {
        PatchSchema.builtin.type(for: gvk) != nil
    }

    /// Applies `patch` to `original`, an object of kind `gvk`.
    ///
    /// Merged list elements keep their position; elements the patch adds go before the original
    /// elements that follow the last element the patch names (`[a, b, c]` patched with `[d]` gives
    /// `[d, a, b, c]`), unless `$setElementOrder` says otherwise — the order kubectl produces.
    /// - Throws: ``PatchError`` naming the path, for a kind without schema, a patch that is not an
    ///   object, a value of the wrong type for its field, a merge-list element without its merge key,
    ///   or an unknown or misplaced directive.
    public static func apply(_ patch: JSONValue, to original: JSONValue, gvk: GroupVersionKind) throws(PatchError)
        -> JSONValue
    {
        guard case .object(let patchMembers) = patch else {
            throw .malformed("strategic", "a strategic merge patch must be a JSON object, found \(patch.typeName)")
        }
        let type = try schemaType(for: gvk)
        guard case .object(let originalMembers) = original else {
            throw .invalidTarget("strategic", path: "", "the document to patch must be an object, found \(original.typeName)")
        }
        let merger = StrategicMerger(mode: .apply)
        return .object(try merger.mergeObject(originalMembers, with: patchMembers, type: type, at: .root))
    }

    /// The patch that turns `original` into `modified` when applied with ``apply(_:to:gvk:)``.
    ///
    /// Removed fields become `null`, removed elements of merged lists `{"$patch": "delete"}`
    /// elements (or `$deleteFromPrimitiveList` entries for scalars), and merged lists whose content
    /// or order changed carry `$setElementOrder`; fields with the `retainKeys` strategy carry
    /// `$retainKeys`. Equal objects give an empty patch.
    public static func createTwoWayPatch(original: JSONValue, modified: JSONValue, gvk: GroupVersionKind)
        throws(PatchError) -> JSONValue
    {
        let type = try schemaType(for: gvk)
        let before = try object(original, named: "original")
        let after = try object(modified, named: "modified")
        return .object(try StrategicDiffer().diffObjects(before, after, type: type, retainKeys: false, at: .root))
    }

    /// The patch client-side apply sends (`kubectl apply`): deletions are what changed from
    /// `original` (the last applied configuration) to `modified` (the new configuration), additions
    /// and changes what differs from `current` (the live object) to `modified`. Fields only `current`
    /// has — set by the server or other actors — are left alone.
    /// - Parameter original: The last applied configuration; `null` when there is none.
    public static func createThreeWayPatch(
        original: JSONValue, modified: JSONValue, current: JSONValue, gvk: GroupVersionKind
    ) throws(PatchError) -> JSONValue {
        let type = try schemaType(for: gvk)
        let lastApplied = original.isNull ? [:] : try object(original, named: "original")
        let desired = try object(modified, named: "modified")
        let live = try object(current, named: "current")
        let additions = try StrategicDiffer(ignoreDeletions: true)
            .diffObjects(live, desired, type: type, retainKeys: false, at: .root)
        let deletions = try StrategicDiffer(ignoreChangesAndAdditions: true)
            .diffObjects(lastApplied, desired, type: type, retainKeys: false, at: .root)
        return .object(try StrategicMerger(mode: .combine).mergeObject(deletions, with: additions, type: type, at: .root))
    }

    private static func schemaType(for gvk: GroupVersionKind) throws(PatchError) -> PatchSchemaType {
        guard let type = PatchSchema.builtin.type(for: gvk) else {
            throw .unsupported(
                "strategic",
                "strategic merge patch is not supported for \(gvk): it is not a built-in kind (custom resources "
                    + "have no patch schema); use a JSON merge patch (--type merge) instead")
        }
        return type
    }

    private static func object(_ value: JSONValue, named name: String) throws(PatchError) -> JSONObject {
        guard case .object(let members) = value else {
            throw .invalidTarget("strategic", path: "", "the \(name) document must be an object, found \(value.typeName)")
        }
        return members
    }
}
