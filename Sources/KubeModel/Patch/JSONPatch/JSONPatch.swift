/// An RFC 6902 JSON patch: an ordered list of operations applied atomically.
public struct JSONPatch: Sendable, Hashable {
    /// The operations in order.
    public var operations: [JSONPatchOperation]

    /// A patch of the given operations.
    public init(operations: [JSONPatchOperation]) {
        self.operations = operations
    }

    /// Reads a patch document (a JSON array of operation objects).
    public init(json: JSONValue) throws(PatchError) {
        guard let elements = json.arrayValue else {
            throw .malformed("json", "a JSON patch must be an array of operations, found \(json.typeName)")
        }
        var operations: [JSONPatchOperation] = []
        operations.reserveCapacity(elements.count)
        for (position, element) in elements.enumerated() {
            operations.append(try JSONPatchOperation(json: element, position: position))
        }
        self.operations = operations
    }

    /// The patch document.
    public var json: JSONValue { .array(operations.map(\.json)) }

    /// Applies every operation in order; if any fails, nothing is applied and the error names it.
    public func apply(to document: JSONValue) throws(PatchError) -> JSONValue {
        var result = document
        for operation in operations {
            try Self.apply(operation, to: &result)
        }
        return result
    }

    private static func apply(_ operation: JSONPatchOperation, to document: inout JSONValue) throws(PatchError) {
        switch operation {
        case .add(let path, let value):
            try add(value, at: path, in: &document)
        case .remove(let path):
            _ = try remove(at: path, in: &document)
        case .replace(let path, let value):
            guard path.value(in: document) != nil else {
                throw .pathNotFound("json", path: path.description, "replace needs an existing value; use add to create it")
            }
            try replace(with: value, at: path, in: &document)
        case .move(let from, let path):
            if path.tokens.count > from.tokens.count, Array(path.tokens.prefix(from.tokens.count)) == from.tokens {
                throw .malformed("json", path: from.description, "cannot move a value into one of its own children (\(path))")
            }
            let value = try remove(at: from, in: &document)
            try add(value, at: path, in: &document)
        case .copy(let from, let path):
            guard let value = from.value(in: document) else {
                throw .pathNotFound("json", path: from.description, "copy source does not exist")
            }
            try add(value, at: path, in: &document)
        case .test(let path, let expected):
            guard let actual = path.value(in: document) else {
                throw .testFailed(path: path.description, "test failed: no value exists here, expected \(expected)")
            }
            guard actual == expected else {
                throw .testFailed(path: path.description, "test failed: value is \(actual), expected \(expected)")
            }
        }
    }

    private static func add(_ value: JSONValue, at path: JSONPointer, in document: inout JSONValue) throws(PatchError) {
        guard let last = path.tokens.last else {
            document = value
            return
        }
        try modifyParent(of: path, in: &document) { (parent: inout JSONValue) throws(PatchError) in
            switch parent {
            case .object(var members):
                members[last] = value
                parent = .object(members)
            case .array(var elements):
                if last == "-" {
                    elements.append(value)
                } else if let index = JSONPointer.arrayIndex(last), index <= elements.count {
                    elements.insert(value, at: index)
                } else {
                    throw .pathNotFound("json", path: path.description, "array index \(last) is out of range 0...\(elements.count)")
                }
                parent = .array(elements)
            default:
                throw .invalidTarget("json", path: path.description, "cannot add a member to a \(parent.typeName)")
            }
        }
    }

    /// Replaces in place, so an object member keeps its position.
    private static func replace(with value: JSONValue, at path: JSONPointer, in document: inout JSONValue) throws(PatchError) {
        guard let last = path.tokens.last else {
            document = value
            return
        }
        try modifyParent(of: path, in: &document) { (parent: inout JSONValue) throws(PatchError) in
            switch parent {
            case .object(var members):
                members[last] = value
                parent = .object(members)
            case .array(var elements):
                guard let index = JSONPointer.arrayIndex(last), index < elements.count else {
                    throw .pathNotFound("json", path: path.description, "array index \(last) is out of range 0..<\(elements.count)")
                }
                elements[index] = value
                parent = .array(elements)
            default:
                throw .invalidTarget("json", path: path.description, "cannot replace inside a \(parent.typeName)")
            }
        }
    }

    private static func remove(at path: JSONPointer, in document: inout JSONValue) throws(PatchError) -> JSONValue {
        guard let last = path.tokens.last else {
            throw .malformed("json", path: "", "cannot remove the whole document")
        }
        var removed = JSONValue.null
        try modifyParent(of: path, in: &document) { (parent: inout JSONValue) throws(PatchError) in
            switch parent {
            case .object(var members):
                guard let value = members.removeValue(forKey: last) else {
                    throw .pathNotFound("json", path: path.description, "no member \"\(last)\" to remove")
                }
                removed = value
                parent = .object(members)
            case .array(var elements):
                guard let index = JSONPointer.arrayIndex(last), index < elements.count else {
                    throw .pathNotFound("json", path: path.description, "array index \(last) is out of range 0..<\(elements.count)")
                }
                removed = elements.remove(at: index)
                parent = .array(elements)
            default:
                throw .invalidTarget("json", path: path.description, "cannot remove from a \(parent.typeName)")
            }
        }
        return removed
    }

    /// Walks to the parent of `path` and lets `body` change it in place.
    private static func modifyParent(
        of path: JSONPointer, in document: inout JSONValue, _ body: (inout JSONValue) throws(PatchError) -> Void
    ) throws(PatchError) {
        try modify(&document, tokens: path.tokens.dropLast()[...], fullPath: path, body)
    }

    private static func modify(
        _ value: inout JSONValue, tokens: ArraySlice<String>, fullPath: JSONPointer,
        _ body: (inout JSONValue) throws(PatchError) -> Void
    ) throws(PatchError) {
        guard let token = tokens.first else {
            try body(&value)
            return
        }
        let rest = tokens.dropFirst()
        switch value {
        case .object(var members):
            guard var child = members[token] else {
                throw .pathNotFound("json", path: fullPath.description, "member \"\(token)\" does not exist")
            }
            members[token] = .null  // release the reference so the child is mutated without a copy
            try modify(&child, tokens: rest, fullPath: fullPath, body)
            members[token] = child
            value = .object(members)
        case .array(var elements):
            guard let index = JSONPointer.arrayIndex(token), index < elements.count else {
                throw .pathNotFound("json", path: fullPath.description, "array index \(token) does not exist")
            }
            var child = elements[index]
            elements[index] = .null
            try modify(&child, tokens: rest, fullPath: fullPath, body)
            elements[index] = child
            value = .array(elements)
        default:
            throw .invalidTarget("json", path: fullPath.description, "\"\(token)\" is inside a \(value.typeName), not an object or array")
        }
    }
}
