/// The protobuf scalar types Kubernetes messages use, with how each is carried on the wire.
enum ProtobufScalar: String, Sendable {
    case string, bytes, bool, int32, int64, uint32, uint64, double, float

    /// Whether a repeated field of this type may arrive packed into one length-delimited value.
    var isPackable: Bool { self != .string && self != .bytes }
}
