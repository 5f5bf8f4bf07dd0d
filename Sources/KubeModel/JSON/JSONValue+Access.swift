extension JSONValue {
    /// The member named `key` when this is an object; setting a member on a non-object makes it an object.
    public subscript(key: String) -> JSONValue? {
        get { objectValue?[key] }
        set {
            var members = objectValue ?? [:]
            members[key] = newValue
            self = .object(members)
        }
    }

    /// The value at a path of object keys, or nil when any step is missing or not an object.
    public subscript(path path: [String]) -> JSONValue? {
        get {
            var current = self
            for key in path {
                guard let next = current[key] else { return nil }
                current = next
            }
            return current
        }
        set {
            guard let first = path.first else {
                self = newValue ?? .null
                return
            }
            if path.count == 1 {
                self[first] = newValue
                return
            }
            var child = self[first] ?? .emptyObject
            if child.objectValue == nil { child = .emptyObject }
            child[path: Array(path.dropFirst())] = newValue
            self[first] = child
        }
    }

    /// A string-to-string map at `path` (labels, annotations), ignoring non-string values.
    public func stringMap(at path: [String]) -> [String: String] {
        guard let members = self[path: path]?.objectValue else { return [:] }
        var result: [String: String] = [:]
        result.reserveCapacity(members.count)
        for (key, value) in members {
            if let text = value.stringValue { result[key] = text }
        }
        return result
    }
}
