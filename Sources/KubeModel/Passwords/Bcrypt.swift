/// bcrypt password hashes as Go's `golang.org/x/crypto/bcrypt` writes and checks them (Sprig's
/// `bcrypt`, Argo CD's account passwords): `$2a$`, two-digit cost,
/// 22 characters of salt and 31 of hash, in bcrypt's own base64 alphabet.
public enum Bcrypt {
    /// Go's `bcrypt.DefaultCost`, which Sprig uses.
    public static let defaultCost = 10
    /// bcrypt reads at most this many bytes of password; Go refuses longer ones.
    public static let maxPasswordBytes = 72

    /// A password longer than bcrypt can use.
    public struct PasswordTooLong: Error, CustomStringConvertible {
        public var description: String { "bcrypt: password length exceeds \(maxPasswordBytes) bytes" }
    }

    /// Hashes `password` with a fresh random salt.
    public static func hash(_ password: [UInt8], cost: Int = defaultCost) throws(PasswordTooLong) -> String {
        var generator = SystemRandomNumberGenerator()
        return try hash(password, salt: (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }, cost: cost)
    }

    /// Hashes `password` with the given 16-byte salt (deterministic, so a hash can be checked by
    /// recomputing it with its own salt).
    public static func hash(_ password: [UInt8], salt: [UInt8], cost: Int) throws(PasswordTooLong) -> String {
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

    /// Whether `password` is the one `hash` was made from. `$2a$`, `$2b$` and `$2y$` hashes are
    /// accepted (they agree for passwords bcrypt can take); the comparison takes the same time
    /// wherever the hashes differ, so that timing tells an attacker nothing.
    public static func verify(_ password: [UInt8], hash: String) -> Bool {
        let bytes = Array(hash.utf8)
        guard bytes.count == 60, bytes[0] == UInt8(ascii: "$"), bytes[1] == UInt8(ascii: "2"), bytes[3] == UInt8(ascii: "$"),
            [UInt8(ascii: "a"), UInt8(ascii: "b"), UInt8(ascii: "y")].contains(bytes[2]), bytes[6] == UInt8(ascii: "$"),
            let cost = Int(String(decoding: bytes[4..<6], as: UTF8.self)), (4...31).contains(cost),
            let salt = decode(bytes[7..<29], count: 16),
            let recomputed = try? Self.hash(password, salt: salt, cost: cost)
        else { return false }
        var difference: UInt8 = 0
        for (left, right) in zip(Array(recomputed.utf8)[7...], bytes[7...]) { difference |= left ^ right }
        return difference == 0
    }

    /// Decodes bcrypt's base64 into `count` bytes; nil when a character is outside the alphabet.
    private static func decode(_ characters: ArraySlice<UInt8>, count: Int) -> [UInt8]? {
        var output: [UInt8] = []
        var group: UInt32 = 0
        var bits = 0
        for character in characters {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            group = group << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: group >> UInt32(bits)))
            }
        }
        return output.count >= count ? Array(output.prefix(count)) : nil
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
