import KubeModel

/// The `components.schemas` of an OpenAPI v3 document for built-in kinds, generated from the
/// built-in schema: field names and types, nested definitions by `$ref`, and the list and patch
/// markers kubectl reads for client-side apply. Structure only — there is no upstream prose to show,
/// so `kubectl explain` prints fields and types without descriptions.
struct OpenAPISchemas {
    private(set) var schemas = JSONObject()
    private let schema = PatchSchema.builtin

    /// Adds the schema of a kind and of every definition it reaches.
    mutating func addKind(_ gvk: GroupVersionKind) {
        guard let type = schema.type(for: gvk), let name = type.definitionName else { return }
        addDefinition(name)
        guard var root = schemas[name] else { return }
        let identity: JSONValue = ["group": .string(gvk.group), "version": .string(gvk.version), "kind": .string(gvk.kind)]
        var identities = root["x-kubernetes-group-version-kind"]?.arrayValue ?? []
        if !identities.contains(identity) { identities.append(identity) }
        root["x-kubernetes-group-version-kind"] = .array(identities)
        schemas[name] = root
    }

    /// Adds a custom resource's schema from its CRD, with the type metadata every object has.
    mutating func addCustomKind(_ gvk: GroupVersionKind, schema: JSONValue) {
        var root = schema.objectValue ?? [:]
        var properties = root["properties"]?.objectValue ?? [:]
        properties["apiVersion"] = properties["apiVersion"] ?? ["type": "string"]
        properties["kind"] = properties["kind"] ?? ["type": "string"]
        addDefinition("meta.v1.ObjectMeta")
        properties["metadata"] = ["allOf": [["$ref": "#/components/schemas/meta.v1.ObjectMeta"]]]
        root["properties"] = .object(properties)
        root["x-kubernetes-group-version-kind"] = [["group": .string(gvk.group), "version": .string(gvk.version), "kind": .string(gvk.kind)]]
        schemas["\(gvk.group).\(gvk.version).\(gvk.kind)"] = .object(root)
    }

    private mutating func addDefinition(_ name: String) {
        guard schemas[name] == nil, let type = schema.type(named: name) else { return }
        if type.kind == .untyped {
            schemas[name] = ["type": "object", "x-kubernetes-preserve-unknown-fields": true]
            return
        }
        // Placeholder first, so that recursive definitions (JSONSchemaProps) terminate.
        schemas[name] = .emptyObject
        var properties = JSONObject()
        var referenced: [String] = []
        for fieldName in type.fieldNames {
            guard let field = type.field(fieldName) else { continue }
            properties[fieldName] = fieldSchema(field, referenced: &referenced)
        }
        var definition: JSONObject = ["type": "object", "properties": .object(properties)]
        if let mapType = type.mapType { definition["x-kubernetes-map-type"] = .string(mapType) }
        schemas[name] = .object(definition)
        for next in referenced { addDefinition(next) }
    }

    private func fieldSchema(_ field: PatchSchemaField, referenced: inout [String]) -> JSONValue {
        var result = typeSchema(field.type, referenced: &referenced).objectValue ?? [:]
        if !field.patchStrategies.isEmpty { result["x-kubernetes-patch-strategy"] = .string(field.patchStrategies.joined(separator: ",")) }
        if let key = field.patchMergeKey { result["x-kubernetes-patch-merge-key"] = .string(key) }
        if let listType = field.listType { result["x-kubernetes-list-type"] = .string(listType) }
        if !field.listMapKeys.isEmpty { result["x-kubernetes-list-map-keys"] = .array(field.listMapKeys.map { .string($0) }) }
        if let mapType = field.mapType { result["x-kubernetes-map-type"] = .string(mapType) }
        return .object(result)
    }

    private func typeSchema(_ type: PatchSchemaType, referenced: inout [String]) -> JSONValue {
        switch type.kind {
        case .object, .untyped:
            guard let name = type.definitionName else { return .emptyObject }
            referenced.append(name)
            // Upstream wraps references in allOf so that siblings such as defaults may sit beside them.
            return ["allOf": [["$ref": .string("#/components/schemas/\(name)")]]]
        case .list:
            guard let element = type.elementType else { return ["type": "array"] }
            return ["type": "array", "items": typeSchema(element, referenced: &referenced)]
        case .map:
            guard let element = type.elementType else { return ["type": "object"] }
            return ["type": "object", "additionalProperties": typeSchema(element, referenced: &referenced)]
        case .scalar:
            switch type.scalarType {
            case "int-or-string"?: return ["x-kubernetes-int-or-string": true, "anyOf": [["type": "integer"], ["type": "string"]]]
            case let scalar?: return ["type": .string(scalar)]
            case nil: return .emptyObject
            }
        }
    }
}
