import KubeModel

/// A set of field paths, read from and written as `managedFields[].fieldsV1`: `f:name` steps into an
/// object field or map key, `k:{"name":"web"}` into the element of a keyed list. A node without
/// children is an owned leaf; lists without a merge key and scalars are leaves.
struct FieldSet: Equatable {
    private(set) var children: [String: FieldSet] = [:]

    init() {}

    /// The fields an object sets: every leaf under its fields, and under `metadata` only labels,
    /// annotations, finalizers and owner references (identity fields belong to nobody).
    init(of object: JSONValue, type: PatchSchemaType?) {
        for (key, value) in object.objectValue ?? [:] where key != "apiVersion" && key != "kind" && key != "status" {
            if key == "metadata" {
                var metadata = FieldSet()
                for member in ["labels", "annotations", "finalizers", "ownerReferences"] {
                    if let nested = value[member] { metadata.children["f:" + member] = Self.node(nested, field: nil) }
                }
                if !metadata.children.isEmpty { children["f:metadata"] = metadata }
            } else {
                children["f:" + key] = Self.node(value, field: type?.field(key))
            }
        }
    }

    /// The fields under one value: keyed lists by element, objects and maps by member, the rest a leaf.
    private static func node(_ value: JSONValue, field: PatchSchemaField?) -> FieldSet {
        var result = FieldSet()
        switch value {
        case .array(let elements):
            guard let key = field?.patchMergeKey ?? field?.listMapKeys.first, let elementType = field?.type.elementType,
                elements.allSatisfy({ $0[key] != nil })
            else { return result }
            for element in elements {
                let identity = JSONWriter.string(.object([key: element[key]!]))
                result.children["k:" + identity] = FieldSet(of: element, type: elementType)
            }
        case .object(let members):
            for (key, nested) in members {
                result.children["f:" + key] = Self.node(nested, field: field?.type.field(key))
            }
        default:
            break
        }
        return result
    }

    /// Reads `fieldsV1`; `.` markers (a node owned as itself) make no difference here.
    init(fieldsV1: JSONValue) {
        for (key, value) in fieldsV1.objectValue ?? [:] where key != "." {
            children[key] = FieldSet(fieldsV1: value)
        }
    }

    /// The `fieldsV1` form.
    var fieldsV1: JSONValue {
        .object(JSONObject(uniqueKeysWithValues: children.sorted { $0.key < $1.key }.map { ($0.key, $0.value.fieldsV1) }))
    }

    var isEmpty: Bool { children.isEmpty }

    /// Every owned leaf as its path of steps.
    var leaves: [[String]] {
        children.flatMap { step, child in child.isEmpty ? [[step]] : child.leaves.map { [step] + $0 } }
    }

    /// Whether the set owns `path` itself, a field inside it, or a leaf that contains it.
    func overlaps(_ path: ArraySlice<String>) -> Bool {
        guard let step = path.first else { return true }
        guard let child = children[step] else { return false }
        return child.isEmpty || child.overlaps(path.dropFirst())
    }

    /// Adds every leaf of `other`.
    mutating func formUnion(_ other: FieldSet) {
        for (step, child) in other.children {
            if child.isEmpty {
                children[step] = children[step] ?? FieldSet()
            } else {
                var merged = children[step] ?? FieldSet()
                merged.formUnion(child)
                children[step] = merged
            }
        }
    }

    /// Adds one leaf.
    mutating func insert(_ path: ArraySlice<String>) {
        guard let step = path.first else { return }
        var child = children[step] ?? FieldSet()
        child.insert(path.dropFirst())
        children[step] = child
    }

    /// Removes `path` and everything under it, and parents left empty by that.
    mutating func remove(_ path: ArraySlice<String>) {
        guard let step = path.first else { return }
        if path.count == 1 {
            children[step] = nil
        } else if var child = children[step], !child.isEmpty {
            child.remove(path.dropFirst())
            children[step] = child.isEmpty ? nil : child
        }
    }

    /// The value at a path of steps in an object, if there is one.
    static func value(at path: ArraySlice<String>, in value: JSONValue) -> JSONValue? {
        guard let step = path.first else { return value }
        if step.hasPrefix("f:") {
            guard let next = value[String(step.dropFirst(2))] else { return nil }
            return self.value(at: path.dropFirst(), in: next)
        }
        guard let index = elementIndex(step, in: value) else { return nil }
        return self.value(at: path.dropFirst(), in: value.arrayValue![index])
    }

    /// Removes the value at a path of steps; missing paths change nothing.
    static func removeValue(at path: ArraySlice<String>, in value: inout JSONValue) {
        guard let step = path.first else { return }
        if step.hasPrefix("f:") {
            let key = String(step.dropFirst(2))
            if path.count == 1 {
                value[key] = nil
            } else if var next = value[key] {
                removeValue(at: path.dropFirst(), in: &next)
                value[key] = next
            }
            return
        }
        guard let index = elementIndex(step, in: value), var elements = value.arrayValue else { return }
        if path.count == 1 {
            elements.remove(at: index)
        } else {
            removeValue(at: path.dropFirst(), in: &elements[index])
        }
        value = .array(elements)
    }

    /// The list element a `k:{...}` step names.
    private static func elementIndex(_ step: String, in value: JSONValue) -> Int? {
        guard step.hasPrefix("k:"), let identity = try? JSONParser.parse(String(step.dropFirst(2))).objectValue,
            let elements = value.arrayValue
        else { return nil }
        return elements.firstIndex { element in identity.allSatisfy { element[$0.key] == $0.value } }
    }
}
