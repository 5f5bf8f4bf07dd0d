/// bcrypt password hashes as Go's `golang.org/x/crypto/bcrypt` writes them: `$2a$`, two-digit cost,
/// 22 characters of salt and 31 of hash, in bcrypt's own base64 alphabet.
enum Bcrypt {
    /// Go's `bcrypt.DefaultCost`, which Sprig uses.
    static let defaultCost = 10
    /// bcrypt reads at most this many bytes of password; Go refuses longer ones.
    static let maxPasswordBytes = 72

    /// A password longer than bcrypt can use.
    struct PasswordTooLong: Error, CustomStringConvertible {
        var description: String { "bcrypt: password length exceeds \(maxPasswordBytes) bytes" }
    }

    /// Hashes `password` with a fresh random salt.
    static func hash(_ password: [UInt8], cost: Int = defaultCost) throws(PasswordTooLong) -> String {
        var generator = SystemRandomNumberGenerator()
        return try hash(password, salt: (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }, cost: cost)
    }

    /// Hashes `password` with the given 16-byte salt (deterministic, so a hash can be checked by
    /// recomputing it with its own salt).
    static func hash(_ password: [UInt8], salt: [UInt8], cost: Int) throws(PasswordTooLong) -> String {
        guard password.count <= maxPasswordBytes else { throw PasswordTooLong() }
        // The C string terminator is part of the key in the original implementation.
        let key = password + [0]
        var cipher = Blowfish(key: key, salt: salt)
        for _ in 0..<(1 << cost) {
            cipher.expand(key: key)
            cipher.expand(key: salt)
        }
        var words: [UInt32] = [0x4F72_7068, 0x6561_6E42, 0x6568_6F6C, 0x6465_7253, 0x6372_7944, 0x6F75_6274]  // "OrpheanBeholderScryDoubt"
        for block in stride(from: 0, to: words.count, by: 2) {
            for _ in 0..<64 { (words[block], words[block + 1]) = cipher.encrypt(words[block], words[block + 1]) }
        }
        let digest = words.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> (24 - 8 * $0)) } }
        let costText = cost < 10 ? "0\(cost)" : "\(cost)"
        // Only 23 of the 24 bytes are kept, as in the original.
        return "$2a$" + costText + "$" + encode(salt) + encode(Array(digest.prefix(23)))
    }

    private static let alphabet = Array("./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)

    /// bcrypt's base64: its own alphabet, no padding.
    private static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            var group: UInt32 = 0
            for byte in chunk { group = group << 8 | UInt32(byte) }
            group <<= 8 * UInt32(3 - chunk.count)
            for position in 0...chunk.count { output.append(alphabet[Int(group >> (18 - 6 * UInt32(position)) & 63)]) }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }
}
