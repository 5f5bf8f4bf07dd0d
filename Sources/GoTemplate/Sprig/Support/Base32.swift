/// Go's `base32.StdEncoding` (RFC 4648 alphabet, `=` padding).
enum Base32 {
    /// Input that is not valid, at the given byte offset.
    struct IllegalData: Error {
        let offset: Int
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)
    private static let values: [UInt8: UInt64] = Dictionary(uniqueKeysWithValues: alphabet.enumerated().map { ($1, UInt64($0)) })

    static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        var start = 0
        while start < bytes.count {
            let chunk = bytes[start..<min(start + 5, bytes.count)]
            var quantum: UInt64 = 0
            for byte in chunk { quantum = quantum << 8 | UInt64(byte) }
            quantum <<= UInt64(8 * (5 - chunk.count))
            let characters = (chunk.count * 8 + 4) / 5
            for index in 0..<8 {
                output.append(index < characters ? alphabet[Int(quantum >> UInt64(35 - 5 * index) & 31)] : UInt8(ascii: "="))
            }
            start += 5
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func decode(_ string: String) -> Result<[UInt8], IllegalData> {
        let input = Array(string.utf8).enumerated().filter { $0.element != 0x0A && $0.element != 0x0D }
        if input.count % 8 != 0 {
            return .failure(IllegalData(offset: input.count / 8 * 8))
        }
        var output: [UInt8] = []
        var position = 0
        while position < input.count {
            var quantum: UInt64 = 0
            var count = 0
            for slot in 0..<8 {
                let (offset, byte) = input[position + slot]
                if byte == UInt8(ascii: "=") {
                    if ![2, 4, 5, 7].contains(slot) || position + 8 < input.count { return .failure(IllegalData(offset: offset)) }
                    if input[(position + slot)..<(position + 8)].contains(where: { $0.element != UInt8(ascii: "=") }) { return .failure(IllegalData(offset: offset)) }
                    break
                }
                guard let value = values[byte] else { return .failure(IllegalData(offset: offset)) }
                quantum = quantum << 5 | value
                count += 1
            }
            quantum <<= UInt64(5 * (8 - count))
            let produced = count * 5 / 8
            for index in 0..<produced { output.append(UInt8(quantum >> UInt64(32 - 8 * index) & 0xFF)) }
            position += 8
        }
        return .success(output)
    }
}
