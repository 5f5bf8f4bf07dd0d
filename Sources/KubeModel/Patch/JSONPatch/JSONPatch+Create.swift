extension JSONPatch {
    /// The patch that turns `original` into `modified`.
    ///
    /// Objects are compared member by member and arrays element by element (a changed length adds or
    /// removes at the end), so the patch touches only what changed.
    public static func create(from original: JSONValue, to modified: JSONValue) -> JSONPatch {
        var operations: [JSONPatchOperation] = []
        diff(original, modified, at: JSONPointer(tokens: []), into: &operations)
        return JSONPatch(operations: operations)
    }

    private static func diff(_ original: JSONValue, _ modified: JSONValue, at path: JSONPointer, into operations: inout [JSONPatchOperation]) {
        switch (original, modified) {
        case (.object(let before), .object(let after)):
            for key in before.keys where after[key] == nil {
                operations.append(.remove(path: path.appending(key)))
            }
            for (key, value) in after {
                if let old = before[key] {
                    diff(old, value, at: path.appending(key), into: &operations)
                } else {
                    operations.append(.add(path: path.appending(key), value: value))
                }
            }
        case (.array(let before), .array(let after)):
            let shared = min(before.count, after.count)
            for index in 0..<shared {
                diff(before[index], after[index], at: path.appending(String(index)), into: &operations)
            }
            // Remove from the end so earlier indices stay valid.
            if before.count > shared {
                for index in (shared..<before.count).reversed() {
                    operations.append(.remove(path: path.appending(String(index))))
                }
            }
            for element in after.dropFirst(shared) {
                operations.append(.add(path: path.appending("-"), value: element))
            }
        default:
            if !original.isIdentical(to: modified) {
                operations.append(.replace(path: path, value: modified))
            }
        }
    }

}
