/// Why a Kubernetes protobuf body could not be turned into JSON.
public enum ProtobufDecodingError: Error, Equatable, CustomStringConvertible {
    /// The bytes are not a Kubernetes protobuf envelope, or a message in it is not valid protobuf.
    case malformed(String)
    /// The envelope names a kind whose messages are not in the schema (custom resources, kinds of
    /// groups the schema does not cover); a server answers 415 so the client can send JSON.
    case unknownKind(apiVersion: String, kind: String)

    public var description: String {
        switch self {
        case .malformed(let reason): "malformed Kubernetes protobuf: \(reason)"
        case .unknownKind(let apiVersion, let kind): "no protobuf schema for kind \(kind) of \(apiVersion)"
        }
    }
}
