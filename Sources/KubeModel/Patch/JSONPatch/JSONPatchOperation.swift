/// One operation of an RFC 6902 JSON patch.
public enum JSONPatchOperation: Sendable, Hashable {
    case add(path: JSONPointer, value: JSONValue)
    case remove(path: JSONPointer)
    case replace(path: JSONPointer, value: JSONValue)
    case move(from: JSONPointer, path: JSONPointer)
    case copy(from: JSONPointer, path: JSONPointer)
    case test(path: JSONPointer, value: JSONValue)

    /// Reads one operation object; `position` is its index in the patch, used in errors.
    init(json: JSONValue, position: Int) throws(PatchError) {
        let location = "operation \(position)"
        guard json.objectValue != nil else {
            throw .malformed("json", path: location, "each operation must be an object, found \(json.typeName)")
        }
        guard let op = json["op"]?.stringValue else {
            throw .malformed("json", path: location, "missing \"op\"; use add, remove, replace, move, copy or test")
        }
        func pointer(_ field: String) throws(PatchError) -> JSONPointer {
            guard let text = json[field]?.stringValue else {
                throw .malformed("json", path: location, "\"\(op)\" needs a string \"\(field)\"")
            }
            return try JSONPointer(parsing: text)
        }
        func value() throws(PatchError) -> JSONValue {
            guard let value = json["value"] else {
                throw .malformed("json", path: location, "\"\(op)\" needs a \"value\"")
            }
            return value
        }
        switch op {
        case "add": self = .add(path: try pointer("path"), value: try value())
        case "remove": self = .remove(path: try pointer("path"))
        case "replace": self = .replace(path: try pointer("path"), value: try value())
        case "move": self = .move(from: try pointer("from"), path: try pointer("path"))
        case "copy": self = .copy(from: try pointer("from"), path: try pointer("path"))
        case "test": self = .test(path: try pointer("path"), value: try value())
        default:
            throw .malformed("json", path: location, "unknown op \"\(op)\"; use add, remove, replace, move, copy or test")
        }
    }

    /// The JSON form of the operation.
    public var json: JSONValue {
        switch self {
        case .add(let path, let value): ["op": "add", "path": .string(path.description), "value": value]
        case .remove(let path): ["op": "remove", "path": .string(path.description)]
        case .replace(let path, let value): ["op": "replace", "path": .string(path.description), "value": value]
        case .move(let from, let path): ["op": "move", "from": .string(from.description), "path": .string(path.description)]
        case .copy(let from, let path): ["op": "copy", "from": .string(from.description), "path": .string(path.description)]
        case .test(let path, let value): ["op": "test", "path": .string(path.description), "value": value]
        }
    }
}
