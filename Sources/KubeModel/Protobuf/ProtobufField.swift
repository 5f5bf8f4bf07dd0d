/// One field of a message: where it is on the wire and where it goes in the JSON.
struct ProtobufField: Sendable {
    let number: UInt64
    /// The JSON member name; empty for an inline field, whose members join the parent object.
    let jsonName: String
    let type: ProtobufFieldType
    /// A non-pointer Go scalar with `omitempty`: gogo-protobuf always writes it, Go's JSON drops it
    /// when it is the zero value.
    let omitsZero: Bool
}
