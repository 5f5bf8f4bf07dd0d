import KubeModel

/// Pruning of custom resources by their CRD's structural schema, as the API server does: fields the
/// schema does not declare are dropped (or, under `fieldValidation=Strict`, refused), except where
/// `x-kubernetes-preserve-unknown-fields` keeps them. `apiVersion`, `kind` and `metadata` at the root
/// and in embedded resources are always kept.
enum StructuralPruning {
    /// Drops undeclared fields of a custom resource, or refuses them when `strict`.
    static func enforce(_ object: inout JSONValue, schema: JSONValue, info: ResourceInfo, strict: Bool) throws(APIError) {
        var unknown: [String] = []
        prune(&object, schema: schema, path: "", isRoot: true, unknown: &unknown)
        guard strict, !unknown.isEmpty else { return }
        throw APIError.badRequest(
            "\(info.kind) in version \"\(info.version)\" cannot be handled as a \(info.kind): strict decoding error: "
                + unknown.map { "unknown field \"\($0)\"" }.joined(separator: ", "))
    }

    private static func prune(_ value: inout JSONValue, schema: JSONValue, path: String, isRoot: Bool, unknown: inout [String]) {
        switch value {
        case .object(var members):
            let properties = schema["properties"]?.objectValue
            let additional = schema["additionalProperties"]
            let preserves = schema["x-kubernetes-preserve-unknown-fields"] == true
            let keepsTypeMeta = isRoot || schema["x-kubernetes-embedded-resource"] == true
            for key in Array(members.keys) {
                let location = path.isEmpty ? key : "\(path).\(key)"
                if keepsTypeMeta && ["apiVersion", "kind", "metadata"].contains(key) { continue }
                if let declared = properties?[key] {
                    prune(&members[key]!, schema: declared, path: location, isRoot: false, unknown: &unknown)
                } else if let additional, additional.objectValue != nil {
                    prune(&members[key]!, schema: additional, path: location, isRoot: false, unknown: &unknown)
                } else if preserves || additional == true {
                    continue
                } else if properties != nil || isRoot || schema["type"] == "object" {
                    unknown.append(location)
                    members.removeValue(forKey: key)
                }
            }
            value = .object(members)
        case .array(var elements):
            guard let items = schema["items"] else { return }
            for index in elements.indices {
                prune(&elements[index], schema: items, path: "\(path)[\(index)]", isRoot: false, unknown: &unknown)
            }
            value = .array(elements)
        default:
            return
        }
    }
}
