/// A protobuf schema document that cannot be read; only a broken generated file produces one.
struct ProtobufSchemaError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = "protobuf schema: \(description)"
    }
}
