/// A message of the schema: its fields in declaration order, which is the Go struct order and so
/// the order of the JSON members.
struct ProtobufMessage: Sendable {
    let fields: [ProtobufField]
    let special: ProtobufSpecialEncoding?

    /// The field with wire number `number`, if the message declares it.
    func field(_ number: UInt64) -> ProtobufField? {
        fields.first { $0.number == number }
    }
}
