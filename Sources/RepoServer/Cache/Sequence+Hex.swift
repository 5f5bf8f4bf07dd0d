extension Sequence<UInt8> {
    /// The bytes as lowercase hexadecimal. (`String(format: "%02x")` per byte goes through
    /// Foundation's formatter and showed in profiles: cache keys are computed on every refresh.)
    var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var characters: [UInt8] = []
        characters.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            characters.append(digits[Int(byte >> 4)])
            characters.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: characters, as: UTF8.self)
    }
}
