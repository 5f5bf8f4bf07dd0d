/// Reads the protobuf wire format: a sequence of (field number, value) pairs.
struct ProtobufWireReader {
    private var bytes: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
    }

    /// Every field of `bytes` grouped by number, each group in wire order.
    static func fields(of bytes: ArraySlice<UInt8>) throws(ProtobufDecodingError) -> [UInt64: [ProtobufWireValue]] {
        var reader = ProtobufWireReader(bytes)
        var fields: [UInt64: [ProtobufWireValue]] = [:]
        while let field = try reader.next() {
            fields[field.number, default: []].append(field.value)
        }
        return fields
    }

    /// Whether every byte has been read.
    var isAtEnd: Bool { bytes.isEmpty }

    /// The next field, or nil at the end of the message.
    mutating func next() throws(ProtobufDecodingError) -> (number: UInt64, value: ProtobufWireValue)? {
        guard !bytes.isEmpty else { return nil }
        let key = try varint()
        let number = key >> 3
        guard number > 0 else { throw .malformed("field number 0 is not valid") }
        switch key & 7 {
        case 0:
            return (number, .varint(try varint()))
        case 1:
            return (number, .fixed64(try littleEndian(byteCount: 8)))
        case 2:
            let length = try varint()
            guard length <= UInt64(bytes.count) else {
                throw .malformed("field \(number) claims \(length) bytes but only \(bytes.count) remain")
            }
            let value = bytes.prefix(Int(length))
            bytes = bytes.dropFirst(Int(length))
            return (number, .lengthDelimited(value))
        case 5:
            return (number, .fixed32(UInt32(try littleEndian(byteCount: 4))))
        case let wireType:
            // 3 and 4 are proto2 groups, which Kubernetes never uses; 6 and 7 do not exist.
            throw .malformed("field \(number) has unsupported wire type \(wireType)")
        }
    }

    /// A base-128 varint of at most ten bytes.
    mutating func varint() throws(ProtobufDecodingError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while let byte = bytes.popFirst() {
            guard shift < 64 else { throw .malformed("a varint is longer than ten bytes") }
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
        throw .malformed("the message ends inside a varint")
    }

    /// A little-endian fixed-width value (protobuf's 32- and 64-bit wire types).
    mutating func littleEndian(byteCount: Int) throws(ProtobufDecodingError) -> UInt64 {
        guard bytes.count >= byteCount else { throw .malformed("the message ends inside a \(byteCount * 8)-bit value") }
        var result: UInt64 = 0
        for (index, byte) in bytes.prefix(byteCount).enumerated() {
            result |= UInt64(byte) << (8 * UInt64(index))
        }
        bytes = bytes.dropFirst(byteCount)
        return result
    }
}
