/// One field value as protobuf carries it, before the schema gives it a meaning.
enum ProtobufWireValue: Sendable {
    case varint(UInt64)
    case fixed64(UInt64)
    case lengthDelimited(ArraySlice<UInt8>)
    case fixed32(UInt32)

    /// The wire type's name, for error messages.
    var wireTypeName: String {
        switch self {
        case .varint: "varint"
        case .fixed64: "64-bit"
        case .lengthDelimited: "length-delimited"
        case .fixed32: "32-bit"
        }
    }
}
