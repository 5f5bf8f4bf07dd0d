import KubeModel

/// Fields of a built-in object that its schema does not declare: what `fieldValidation=Strict`
/// refuses, and what the server otherwise drops, as Kubernetes' decoder does.
enum UnknownFields {
    /// Drops the undeclared fields of a built-in object; with `strict` (`fieldValidation=Strict`)
    /// refuses the object instead, naming every unknown field, as the API server does.
    static func enforce(_ object: inout JSONValue, info: ResourceInfo, strict: Bool) throws(APIError) {
        let unknown = prune(&object, gvk: info.groupVersionKind)
        guard strict, !unknown.isEmpty else { return }
        throw APIError.badRequest(
            "\(info.kind) in version \"\(info.version)\" cannot be handled as a \(info.kind): strict decoding error: "
                + unknown.map { "unknown field \"\($0)\"" }.joined(separator: ", "))
    }

    /// Removes the undeclared fields and returns their dotted paths (`spec.replica`), in document order.
    static func prune(_ object: inout JSONValue, gvk: GroupVersionKind) -> [String] {
        guard let type = PatchSchema.builtin.type(for: gvk) else { return [] }
        var found: [String] = []
        prune(&object, type: type, path: "", found: &found)
        return found
    }

    private static func prune(_ value: inout JSONValue, type: PatchSchemaType, path: String, found: inout [String]) {
        switch type.kind {
        case .object:
            guard case .object(var members) = value else { return }
            for key in Array(members.keys) {
                let location = path.isEmpty ? key : "\(path).\(key)"
                guard let field = type.field(key) else {
                    // apiVersion and kind are part of every object's schema.
                    if path.isEmpty && (key == "apiVersion" || key == "kind") { continue }
                    found.append(location)
                    members.removeValue(forKey: key)
                    continue
                }
                prune(&members[key]!, type: field.type, path: location, found: &found)
            }
            value = .object(members)
        case .list:
            guard case .array(var elements) = value, let element = type.elementType else { return }
            for index in elements.indices {
                prune(&elements[index], type: element, path: "\(path)[\(index)]", found: &found)
            }
            value = .array(elements)
        case .map:
            guard case .object(var members) = value, let element = type.elementType else { return }
            for key in Array(members.keys) {
                prune(&members[key]!, type: element, path: "\(path).\(key)", found: &found)
            }
            value = .object(members)
        case .scalar, .untyped:
            return
        }
    }
}
