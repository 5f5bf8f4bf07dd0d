/// Turns Kubernetes protobuf (`application/vnd.kubernetes.protobuf`) into the JSON the same object
/// has in Kubernetes' JSON encoding, as kubectl's typed commands send their bodies that way.
///
/// A body is the four bytes `k8s\0` and a `runtime.Unknown` envelope whose `typeMeta` names the
/// kind and whose `raw` bytes are the object's message. The result is what Go would print for the
/// decoded object: `kind` and `apiVersion` first, members in Go struct order, non-pointer scalars
/// dropped when zero and `omitempty`, and Kubernetes' own JSON forms for quantities, times,
/// durations, int-or-strings and embedded raw JSON. Fields the schema does not know are skipped, as
/// protobuf readers do.
public struct KubeProtobufDecoder: Sendable {
    /// The prefix of every Kubernetes protobuf body.
    public static let magic: [UInt8] = [0x6B, 0x38, 0x73, 0x00]
    /// Deeper nesting than any Kubernetes object has; it bounds recursion on hostile input.
    private static let maximumDepth = 64

    private let schema: ProtobufSchema

    /// Creates a decoder over a schema, the built-in kinds' by default.
    public init(schema: ProtobufSchema = .builtin) {
        self.schema = schema
    }

    /// Decodes a whole body: the magic prefix, the envelope and the object it carries.
    /// - Throws: ``ProtobufDecodingError/unknownKind(apiVersion:kind:)`` when the schema has no
    ///   message for the envelope's kind, ``ProtobufDecodingError/malformed(_:)`` for anything else.
    public func decode(_ bytes: [UInt8]) throws(ProtobufDecodingError) -> JSONValue {
        guard bytes.starts(with: Self.magic) else {
            throw .malformed("the body does not start with the Kubernetes protobuf prefix \"k8s\\0\"")
        }
        let envelope = try ProtobufWireReader.fields(of: bytes.dropFirst(Self.magic.count))
        let typeMeta = try ProtobufWireReader.fields(of: try Self.bytes(envelope[1]?.last, field: "typeMeta") ?? [])
        let apiVersion = try Self.string(typeMeta[1]?.last, field: "typeMeta.apiVersion") ?? ""
        let kind = try Self.string(typeMeta[2]?.last, field: "typeMeta.kind") ?? ""
        guard !apiVersion.isEmpty, !kind.isEmpty else {
            throw .malformed("the envelope does not name the object's apiVersion and kind")
        }
        if let encoding = try Self.string(envelope[3]?.last, field: "contentEncoding"), !encoding.isEmpty {
            throw .malformed("the envelope's content encoding \(encoding) is not supported")
        }
        guard let name = schema.messageName(apiVersion: apiVersion, kind: kind) else {
            throw .unknownKind(apiVersion: apiVersion, kind: kind)
        }
        let raw = try Self.bytes(envelope[2]?.last, field: "raw") ?? []
        var object: JSONObject = ["kind": .string(kind), "apiVersion": .string(apiVersion)]
        for (member, value) in try decode(message: raw, named: name).objectValue ?? [:] {
            object[member] = value
        }
        return .object(object)
    }

    /// Decodes the bytes of one message of the schema, such as `core.v1.ConfigMap`, without an
    /// envelope (so without `kind` and `apiVersion`).
    public func decode(message bytes: ArraySlice<UInt8>, named name: String) throws(ProtobufDecodingError) -> JSONValue {
        try decodeMessage(bytes, named: name, depth: 0)
    }

    private func decodeMessage(_ bytes: ArraySlice<UInt8>, named name: String, depth: Int) throws(ProtobufDecodingError) -> JSONValue {
        guard let message = schema.messages[name] else { throw .malformed("the schema has no message \(name)") }
        guard depth < Self.maximumDepth else { throw .malformed("messages nest deeper than \(Self.maximumDepth) levels") }
        let wire = try ProtobufWireReader.fields(of: bytes)
        if let special = message.special {
            return try decodeSpecial(special, message, wire, depth: depth)
        }
        var object: JSONObject = [:]
        for field in message.fields {
            guard let values = wire[field.number],
                let value = try decodeField(field, values, in: name, depth: depth)
            else { continue }
            if field.jsonName.isEmpty {
                // An embedded Go struct: its members belong to this object.
                guard case .object(let members) = value else {
                    throw .malformed("\(name) field \(field.number) is inline but not an object")
                }
                for (member, value) in members { object[member] = value }
            } else {
                object[field.jsonName] = value
            }
        }
        return .object(object)
    }

    /// The JSON of one field from all its occurrences; nil when the JSON leaves it out.
    private func decodeField(
        _ field: ProtobufField, _ values: [ProtobufWireValue], in message: String, depth: Int
    ) throws(ProtobufDecodingError) -> JSONValue? {
        let location = "\(message) field \(field.number)"
        switch field.type {
        case .repeated(let element):
            var elements: [JSONValue] = []
            for value in values {
                if case .scalar(let scalar) = element, scalar.isPackable, case .lengthDelimited(let packed) = value {
                    var reader = ProtobufWireReader(packed)
                    while let next = try Self.packedElement(scalar, &reader) {
                        elements.append(try decodeScalar(scalar, next, at: location))
                    }
                } else {
                    elements.append(try decodeValue(element, value, at: location, depth: depth))
                }
            }
            return .array(elements)
        case .map(let valueType):
            var object: JSONObject = [:]
            for value in values {
                guard case .lengthDelimited(let entryBytes) = value else {
                    throw .malformed("\(location) is a map but its entry is \(value.wireTypeName)")
                }
                let entry = try ProtobufWireReader.fields(of: entryBytes)
                let key = try Self.string(entry[1]?.last, field: "\(location) key") ?? ""
                if let entryValue = entry[2]?.last {
                    object[key] = try decodeValue(valueType, entryValue, at: location, depth: depth)
                } else {
                    object[key] = try zeroValue(of: valueType, at: location, depth: depth)
                }
            }
            return .object(object)
        case .scalar, .message:
            // Protobuf keeps the last occurrence of a singular field.
            guard let last = values.last else { return nil }
            let value = try decodeValue(field.type, last, at: location, depth: depth)
            if field.omitsZero && Self.isZero(value) { return nil }
            return value
        }
    }

    private func decodeValue(
        _ type: ProtobufFieldType, _ value: ProtobufWireValue, at location: String, depth: Int
    ) throws(ProtobufDecodingError) -> JSONValue {
        switch type {
        case .scalar(let scalar):
            return try decodeScalar(scalar, value, at: location)
        case .message(let name):
            guard case .lengthDelimited(let bytes) = value else {
                throw .malformed("\(location) is a message but is \(value.wireTypeName) on the wire")
            }
            return try decodeMessage(bytes, named: name, depth: depth + 1)
        case .repeated, .map:
            throw .malformed("\(location) nests a list or map directly, which protobuf cannot express")
        }
    }

    /// What a map entry without a value means: the value type's zero.
    private func zeroValue(of type: ProtobufFieldType, at location: String, depth: Int) throws(ProtobufDecodingError) -> JSONValue {
        switch type {
        case .scalar(let scalar):
            switch scalar {
            case .string, .bytes: return .string("")
            case .bool: return .bool(false)
            case .int32, .int64, .uint32, .uint64, .double, .float: return .int(0)
            }
        case .message, .repeated, .map:
            return try decodeValue(type, .lengthDelimited([]), at: location, depth: depth)
        }
    }

    private func decodeScalar(_ scalar: ProtobufScalar, _ value: ProtobufWireValue, at location: String) throws(ProtobufDecodingError) -> JSONValue {
        switch (scalar, value) {
        case (.string, .lengthDelimited(let bytes)):
            // Go does not validate proto2 strings; its JSON encoding replaces invalid UTF-8 the same way.
            return .string(String(decoding: bytes, as: UTF8.self))
        case (.bytes, .lengthDelimited(let bytes)):
            return .string(ProtobufValueFormatter.base64(bytes))
        case (.bool, .varint(let raw)):
            return .bool(raw != 0)
        case (.int32, .varint(let raw)):
            return .int(Int(Int32(truncatingIfNeeded: raw)))
        case (.int64, .varint(let raw)):
            return .number(JSONNumber(Int64(bitPattern: raw)))
        case (.uint32, .varint(let raw)):
            return .number(JSONNumber(UInt32(truncatingIfNeeded: raw)))
        case (.uint64, .varint(let raw)):
            return .number(JSONNumber(raw))
        case (.double, .fixed64(let raw)):
            return try Self.finite(Double(bitPattern: raw), at: location)
        case (.float, .fixed32(let raw)):
            return try Self.finite(Double(Float(bitPattern: raw)), at: location)
        default:
            throw .malformed("\(location) is \(scalar.rawValue) but is \(value.wireTypeName) on the wire")
        }
    }

    private func decodeSpecial(
        _ special: ProtobufSpecialEncoding, _ message: ProtobufMessage, _ wire: [UInt64: [ProtobufWireValue]], depth: Int
    ) throws(ProtobufDecodingError) -> JSONValue {
        // The parts by field number, decoded with the types the schema declares for them.
        func part(_ number: UInt64) throws(ProtobufDecodingError) -> JSONValue? {
            guard let field = message.field(number), let values = wire[number] else { return nil }
            return try decodeField(field, values, in: special.rawValue, depth: depth)
        }
        func integer(_ number: UInt64) throws(ProtobufDecodingError) -> Int64 {
            try part(number)?.int64Value ?? 0
        }
        func nonEmptyArray(_ number: UInt64) throws(ProtobufDecodingError) -> JSONValue? {
            guard let value = try part(number), value.arrayValue?.isEmpty == false else { return nil }
            return value
        }

        switch special {
        case .quantity:
            return try part(1) ?? .string("0")
        case .intOrString:
            // Type 1 is a string; anything else is the integer.
            guard try integer(1) == 1 else { return .int(Int(try integer(2))) }
            return try part(3) ?? .string("")
        case .time:
            // An unset time marshals to no bytes, which Go's JSON writes as null.
            guard !wire.isEmpty else { return .null }
            let seconds = try integer(1)
            return .string(ProtobufValueFormatter.timestamp(seconds: seconds))
        case .microTime:
            guard !wire.isEmpty else { return .null }
            let seconds = try integer(1)
            let microseconds = try integer(2) / 1000
            return .string(ProtobufValueFormatter.timestamp(seconds: seconds, microseconds: microseconds))
        case .duration:
            let nanoseconds = try integer(1)
            return .string(ProtobufValueFormatter.duration(nanoseconds: nanoseconds))
        case .rawJSON:
            guard let raw = try Self.bytes(wire[1]?.last, field: "raw"), !raw.isEmpty else { return .null }
            do {
                return try JSONParser.parse(bytes: Array(raw))
            } catch {
                throw .malformed("embedded raw bytes are not JSON: \(error)")
            }
        case .items:
            return try part(1) ?? .array([])
        case .schemaOrArray, .schemaOrStringArray:
            // Both prefer their list (of schemas, of property names) when it has elements.
            if let list = try nonEmptyArray(2) { return list }
            return try part(1) ?? .null
        case .schemaOrBool:
            if let schema = try part(2) { return schema }
            return .bool(try part(1)?.boolValue ?? false)
        }
    }

    private static func packedElement(_ scalar: ProtobufScalar, _ reader: inout ProtobufWireReader) throws(ProtobufDecodingError) -> ProtobufWireValue? {
        guard !reader.isAtEnd else { return nil }
        switch scalar {
        case .double: return .fixed64(try reader.littleEndian(byteCount: 8))
        case .float: return .fixed32(UInt32(try reader.littleEndian(byteCount: 4)))
        default: return .varint(try reader.varint())
        }
    }

    /// Whether a scalar is Go's zero value, which `omitempty` leaves out.
    private static func isZero(_ value: JSONValue) -> Bool {
        switch value {
        case .string(let text): text.isEmpty
        case .bool(let flag): !flag
        case .number(let number): number.doubleValue == 0
        case .null, .array, .object: false
        }
    }

    private static func finite(_ value: Double, at location: String) throws(ProtobufDecodingError) -> JSONValue {
        guard value.isFinite else { throw .malformed("\(location) is \(value), which JSON cannot represent") }
        return .number(ProtobufValueFormatter.number(value))
    }

    private static func bytes(_ value: ProtobufWireValue?, field: String) throws(ProtobufDecodingError) -> ArraySlice<UInt8>? {
        switch value {
        case nil: return nil
        case .lengthDelimited(let bytes): return bytes
        case let other?: throw .malformed("\(field) is \(other.wireTypeName) on the wire, not length-delimited")
        }
    }

    private static func string(_ value: ProtobufWireValue?, field: String) throws(ProtobufDecodingError) -> String? {
        try bytes(value, field: field).map { String(decoding: $0, as: UTF8.self) }
    }
}
