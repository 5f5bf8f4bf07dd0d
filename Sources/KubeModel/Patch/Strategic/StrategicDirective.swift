/// The special keys a strategic merge patch uses to say more than "set this value".
enum StrategicDirective {
    /// `$patch`: `replace` or `delete` an object, or, as a list element, `delete` one element by its
    /// merge key or `replace` the whole list.
    static let patch = "$patch"
    /// `$retainKeys`: the keys an object keeps; the others are cleared (fields with the `retainKeys` strategy).
    static let retainKeys = "$retainKeys"
    /// `$setElementOrder/<list>`: the order of a merged list's elements after the patch.
    static let setElementOrderPrefix = "$setElementOrder"
    /// `$deleteFromPrimitiveList/<list>`: values to remove from a list of scalars.
    static let deleteFromPrimitiveListPrefix = "$deleteFromPrimitiveList"

    /// The `$patch` values.
    static let replace = "replace"
    static let delete = "delete"
    static let merge = "merge"

    /// Whether `key` is a directive rather than a field. Field names such as `$ref` in CRD schemas
    /// start with `$` too, so only the directives themselves count.
    static func isDirective(_ key: String) -> Bool {
        guard key.hasPrefix("$") else { return false }
        return key == patch || key == retainKeys || key.hasPrefix(setElementOrderPrefix)
            || key.hasPrefix(deleteFromPrimitiveListPrefix)
    }

    /// The list a parallel-list directive such as `$setElementOrder/containers` refers to.
    static func target(of key: String, prefix: String, at path: StrategicPatchPath) throws(PatchError) -> String {
        let expected = prefix + "/"
        guard key.hasPrefix(expected), key.count > expected.count else {
            throw .malformed(
                "strategic", path: path.description,
                "\(key) is not a valid directive: write \(expected)<field> with the name of a list field")
        }
        return String(key.dropFirst(expected.count))
    }
}
