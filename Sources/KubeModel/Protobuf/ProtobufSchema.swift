/// The protobuf structure of the built-in Kubernetes kinds: for every message reachable from them,
/// each field's wire number, JSON name and type, and the Go JSON facts protobuf does not carry.
///
/// The data comes from the Kubernetes 1.32 `generated.proto` files and the Go types' JSON tags
/// through `tools/generate-protobuf-schema.py`.
public struct ProtobufSchema: Sendable {
    /// The Kubernetes version the schema was generated from, such as `v1.32`.
    public let schemaVersion: String
    private let kinds: [String: [String: String]]
    let messages: [String: ProtobufMessage]

    /// The schema of every built-in kind, parsed on first use.
    public static let builtin: ProtobufSchema = {
        do {
            return try ProtobufSchema(parsing: BuiltinProtobufSchemaData.document)
        } catch {
            // The document is generated and covered by tests; failing here is a build defect.
            preconditionFailure("the generated built-in protobuf schema is invalid: \(error)")
        }
    }()

    /// Reads a schema document in the notation `tools/generate-protobuf-schema.py` writes:
    /// `{"schemaVersion": ..., "kinds": {apiVersion: {kind: message}}, "messages": {name:
    /// {"special": encoding?, "fields": [[number, jsonName, type, omitsZero?], ...]}}}`; see
    /// ``ProtobufFieldType`` for the type notation and ``ProtobufSpecialEncoding`` for the encodings.
    init(parsing document: String) throws(ProtobufSchemaError) {
        let root: JSONValue
        do {
            root = try JSONParser.parse(document)
        } catch {
            throw ProtobufSchemaError("not JSON: \(error)")
        }
        guard let version = root["schemaVersion"]?.stringValue else { throw ProtobufSchemaError("no schemaVersion") }
        guard let kindTable = root["kinds"]?.objectValue else { throw ProtobufSchemaError("no kinds table") }
        guard let messageTable = root["messages"]?.objectValue else { throw ProtobufSchemaError("no messages") }

        var messages: [String: ProtobufMessage] = [:]
        messages.reserveCapacity(messageTable.count)
        for (name, record) in messageTable {
            messages[name] = try Self.message(record, named: name)
        }
        for (name, message) in messages {
            for field in message.fields {
                if let target = field.type.messageName, messages[target] == nil {
                    throw ProtobufSchemaError("\(name) field \(field.number) refers to unknown message \(target)")
                }
            }
        }
        var kinds: [String: [String: String]] = [:]
        for (apiVersion, entries) in kindTable {
            var byKind: [String: String] = [:]
            for (kind, message) in entries.objectValue ?? [:] {
                guard let name = message.stringValue, messages[name] != nil else {
                    throw ProtobufSchemaError("kind \(apiVersion) \(kind) names an unknown message")
                }
                byKind[kind] = name
            }
            kinds[apiVersion] = byKind
        }
        self.schemaVersion = version
        self.kinds = kinds
        self.messages = messages
    }

    /// The message name of kind `kind` in `apiVersion` (such as `core.v1.ConfigMap`), or nil when the
    /// kind is not built in.
    public func messageName(apiVersion: String, kind: String) -> String? {
        kinds[apiVersion]?[kind]
    }

    private static func message(_ record: JSONValue, named name: String) throws(ProtobufSchemaError) -> ProtobufMessage {
        var special: ProtobufSpecialEncoding?
        if let encoding = record["special"]?.stringValue {
            guard let known = ProtobufSpecialEncoding(rawValue: encoding) else {
                throw ProtobufSchemaError("\(name) has unknown encoding \(encoding)")
            }
            special = known
        }
        guard let entries = record["fields"]?.arrayValue else { throw ProtobufSchemaError("\(name) has no fields") }
        var fields: [ProtobufField] = []
        for entry in entries {
            guard let parts = entry.arrayValue, parts.count >= 3,
                let number = parts[0].int64Value, number > 0,
                let jsonName = parts[1].stringValue,
                let notation = parts[2].stringValue
            else {
                throw ProtobufSchemaError("\(name) has a malformed field \(entry)")
            }
            let omitsZero = parts.count > 3 && parts[3].int64Value == 1
            fields.append(ProtobufField(
                number: UInt64(number), jsonName: jsonName,
                type: try ProtobufFieldType(notation: Substring(notation)), omitsZero: omitsZero))
        }
        return ProtobufMessage(fields: fields, special: special)
    }
}
