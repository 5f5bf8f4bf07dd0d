import Crypto

/// Sprig's digest functions (`crypto.go`): hex digests of the string's bytes, and Adler-32 in decimal.
enum SprigCrypto {
    static let functions: [GoFunction] = [
        GoFunction("sha1sum", [.string]) { a, _ in .string(hex(Insecure.SHA1.hash(data: Array(a.string(0).utf8)))) },
        GoFunction("sha256sum", [.string]) { a, _ in .string(hex(SHA256.hash(data: Array(a.string(0).utf8)))) },
        GoFunction("sha512sum", [.string]) { a, _ in .string(hex(SHA512.hash(data: Array(a.string(0).utf8)))) },
        GoFunction("adler32sum", [.string]) { a, _ in
            var low: UInt32 = 1, high: UInt32 = 0
            for byte in a.string(0).utf8 {
                low = (low + UInt32(byte)) % 65521
                high = (high + low) % 65521
            }
            return .string(String(high << 16 | low))
        },
    ]

    private static func hex(_ digest: some Digest) -> String {
        digest.map { GoQuote.hex(UInt32($0), width: 2) }.joined()
    }
}
