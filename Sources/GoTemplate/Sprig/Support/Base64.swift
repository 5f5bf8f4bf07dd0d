import Foundation

/// Go's `base64.StdEncoding`: padded standard base64, decoding reporting the offset of the first bad
/// byte as Go does.
enum Base64 {
    /// Input that is not valid, at the given byte offset.
    struct IllegalData: Error {
        let offset: Int
    }

    static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let values: [UInt8: UInt32] = Dictionary(uniqueKeysWithValues: alphabet.enumerated().map { ($1, UInt32($0)) })

    /// Decodes padded standard base64; newlines are ignored as Go ignores them.
    static func decode(_ string: String) -> Result<[UInt8], IllegalData> {
        let input = Array(string.utf8).enumerated().filter { $0.element != 0x0A && $0.element != 0x0D }
        var output: [UInt8] = []
        var position = 0
        while position < input.count {
            var quantum: UInt32 = 0
            var count = 0
            var padding = 0
            for slot in 0..<4 {
                guard position < input.count else {
                    if slot == 0 { return .success(output) }
                    return .failure(IllegalData(offset: input.last.map { $0.offset + 1 - (slot == 1 ? 1 : 0) } ?? 0))
                }
                let (offset, byte) = input[position]
                if byte == UInt8(ascii: "=") {
                    if slot < 2 { return .failure(IllegalData(offset: offset)) }
                    padding = 4 - slot
                    if padding == 2 {
                        guard position + 1 < input.count, input[position + 1].element == UInt8(ascii: "=") else {
                            return .failure(IllegalData(offset: position + 1 < input.count ? input[position + 1].offset : offset + 1))
                        }
                        position += 1
                    }
                    position += 1
                    if position < input.count { return .failure(IllegalData(offset: input[position].offset)) }
                    break
                }
                guard let value = values[byte] else { return .failure(IllegalData(offset: offset)) }
                quantum = quantum << 6 | value
                count += 1
                position += 1
            }
            quantum <<= UInt32(6 * (4 - count))
            let bytes = [UInt8(quantum >> 16 & 0xFF), UInt8(quantum >> 8 & 0xFF), UInt8(quantum & 0xFF)]
            output += bytes.prefix(count - 1)
            if padding > 0 { return .success(output) }
        }
        return .success(output)
    }
}
