/// The type of a field in the schema notation: a scalar name (`string`), a message name
/// (`core.v1.Container`), `[]` + element for a repeated field, or `{}` + value for a map with
/// string keys.
indirect enum ProtobufFieldType: Sendable {
    case scalar(ProtobufScalar)
    case message(String)
    case repeated(ProtobufFieldType)
    case map(ProtobufFieldType)

    init(notation: Substring) throws(ProtobufSchemaError) {
        if notation.hasPrefix("[]") {
            self = .repeated(try ProtobufFieldType(notation: notation.dropFirst(2)))
        } else if notation.hasPrefix("{}") {
            self = .map(try ProtobufFieldType(notation: notation.dropFirst(2)))
        } else if let scalar = ProtobufScalar(rawValue: String(notation)) {
            self = .scalar(scalar)
        } else if notation.contains(".") {
            self = .message(String(notation))
        } else {
            throw ProtobufSchemaError("unknown type \(notation)")
        }
    }

    /// The message this type ends in, if any.
    var messageName: String? {
        switch self {
        case .scalar: nil
        case .message(let name): name
        case .repeated(let element), .map(let element): element.messageName
        }
    }
}
