/// The structure of the built-in Kubernetes kinds as far as patching needs it: which fields are
/// objects, lists and maps, and the markers that decide how a list is merged (patch strategy, patch
/// merge key, list type, list map keys).
///
/// The data comes from the Kubernetes 1.32 OpenAPI schema through `tools/generate-patch-schema.py`.
/// Kinds that are not built in (custom resources) have no schema: strategic merge patch does not
/// apply to them and callers use a JSON merge patch instead, as kubectl and the API server do.
public struct PatchSchema: Sendable {
    /// The Kubernetes version the schema was generated from, such as `v1.32.0`.
    public let schemaVersion: String
    private let kinds: [String: [String: String]]
    private let catalog: PatchSchemaCatalog

    /// The schema of every built-in kind, parsed on first use.
    public static let builtin: PatchSchema = {
        do {
            return try PatchSchema(parsing: BuiltinPatchSchemaData.document)
        } catch {
            // The document is generated and covered by tests; failing here is a build defect.
            preconditionFailure("the generated built-in patch schema is invalid: \(error)")
        }
    }()

    /// Reads a schema document in the notation `tools/generate-patch-schema.py` writes:
    /// `{"schemaVersion": ..., "kinds": {apiVersion: {kind: definition}}, "definitions": {name:
    /// {"fields": {field: record}, "mapType": ...} or {"untyped": true}}}`. A field record's `type` is
    /// a definition name for an object, `[]` followed by the element type for a list, and `{}`
    /// followed by the value type for a map; `=` and a JSON type (or nothing) is a scalar.
    init(parsing document: String) throws(PatchSchemaError) {
        let root: JSONValue
        do {
            root = try JSONParser.parse(document)
        } catch {
            throw PatchSchemaError("not JSON: \(error)")
        }
        guard let version = root["schemaVersion"]?.stringValue else { throw PatchSchemaError("no schemaVersion") }
        guard let kindTable = root["kinds"]?.objectValue else { throw PatchSchemaError("no kinds table") }
        guard let definitionTable = root["definitions"]?.objectValue else { throw PatchSchemaError("no definitions") }

        var kinds: [String: [String: String]] = [:]
        for (apiVersion, entries) in kindTable {
            var byKind: [String: String] = [:]
            for (kind, definition) in entries.objectValue ?? [:] {
                guard let name = definition.stringValue, definitionTable[name] != nil else {
                    throw PatchSchemaError("kind \(apiVersion) \(kind) names an unknown definition")
                }
                byKind[kind] = name
            }
            kinds[apiVersion] = byKind
        }

        var definitions: [String: PatchSchemaCatalog.Definition] = [:]
        definitions.reserveCapacity(definitionTable.count)
        for (name, record) in definitionTable {
            var fields: [String: PatchSchemaCatalog.FieldRecord] = [:]
            for (fieldName, field) in record["fields"]?.objectValue ?? [:] {
                fields[fieldName] = try Self.fieldRecord(field, at: "\(name).\(fieldName)", definitions: definitionTable)
            }
            definitions[name] = PatchSchemaCatalog.Definition(
                fields: fields, mapType: record["mapType"]?.stringValue, untyped: record["untyped"]?.boolValue ?? false)
        }
        self.schemaVersion = version
        self.kinds = kinds
        self.catalog = PatchSchemaCatalog(definitions: definitions)
    }

    /// The type of a whole object of kind `gvk`, or nil when the kind is not built in.
    public func type(for gvk: GroupVersionKind) -> PatchSchemaType? {
        guard let name = kinds[gvk.apiVersion]?[gvk.kind] else { return nil }
        return PatchSchemaType(shape: .object(name), catalog: catalog)
    }

    /// The type of the definition called `name` (such as `core.v1.PodSpec`), or nil when there is none.
    public func type(named name: String) -> PatchSchemaType? {
        guard catalog.definitions[name] != nil else { return nil }
        return PatchSchemaType(shape: .object(name), catalog: catalog)
    }

    private static func fieldRecord(
        _ field: JSONValue, at location: String, definitions: JSONObject
    ) throws(PatchSchemaError) -> PatchSchemaCatalog.FieldRecord {
        guard let notation = field["type"]?.stringValue else { throw PatchSchemaError("\(location) has no type") }
        let shape = PatchSchemaShape(notation: notation)
        if let missing = shape.definitionName, definitions[missing] == nil {
            throw PatchSchemaError("\(location) refers to unknown definition \(missing)")
        }
        let strategies = field["patchStrategy"]?.stringValue.map { $0.split(separator: ",").map(String.init) } ?? []
        return PatchSchemaCatalog.FieldRecord(
            shape: shape,
            patchStrategies: strategies,
            patchMergeKey: field["patchMergeKey"]?.stringValue,
            listType: field["listType"]?.stringValue,
            listMapKeys: field["listMapKeys"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            mapType: field["mapType"]?.stringValue)
    }
}
