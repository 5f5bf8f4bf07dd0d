/// How the elements of a list are told apart when merging and ordering it: by the value of the
/// merge key for a list of objects, by the value itself for a list of scalars.
struct StrategicListIdentity: Sendable {
    /// The merge key; nil when elements are compared whole.
    let mergeKey: String?

    /// The element's identity, or nil for an object that lacks the merge key.
    func key(of element: JSONValue) -> StrategicValueKey? {
        guard let mergeKey else { return StrategicValueKey(element) }
        guard let value = element.objectValue?[mergeKey] else { return nil }
        return StrategicValueKey(value)
    }

    /// Whether the element is a `{"$patch": "delete", <key>: ...}` directive (only in merged patches).
    func isDeletion(_ element: JSONValue) -> Bool {
        mergeKey != nil && element.objectValue?[StrategicDirective.patch]?.stringValue == StrategicDirective.delete
    }

    /// The error for an element without the merge key, naming the list and the element.
    /// - Parameter inDocument: Whether the list belongs to the document (a target problem) rather
    ///   than to the patch (a malformed patch).
    func missingKey(
        _ element: JSONValue, position: Int, in list: String, inDocument: Bool, at path: StrategicPatchPath
    ) -> PatchError {
        let description =
            "element \(position + 1) of the \(list) (\(JSONWriter.string(element))) has no merge key \"\(mergeKey ?? "")\""
        return inDocument
            ? .invalidTarget("strategic", path: path.description, description)
            : .malformed("strategic", path: path.description, description)
    }

    /// Whether two lists hold objects (true) or scalars (false). Lists of lists and lists mixing
    /// objects with other values cannot be matched element by element.
    static func elementsAreObjects(_ first: [JSONValue], _ second: [JSONValue], at path: StrategicPatchPath)
        throws(PatchError) -> Bool
    {
        var objects = 0
        var scalars = 0
        for element in [first, second].joined() {
            switch element {
            case .array:
                throw .malformed("strategic", path: path.description, "lists of lists cannot be merged")
            case .object: objects += 1
            case .null: continue
            default: scalars += 1
            }
        }
        if objects > 0 && scalars > 0 {
            throw .malformed(
                "strategic", path: path.description,
                "the list mixes objects and scalars (in the document or the patch), so its elements cannot be matched")
        }
        return objects > 0
    }
}
