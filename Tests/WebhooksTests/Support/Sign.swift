import Crypto

/// Signatures computed the way each provider computes them, to sign fixtures in tests.
enum Sign {
    static func hmacSHA256Hex(_ body: String, secret: String) -> String {
        hex(HMAC<SHA256>.authenticationCode(for: Array(body.utf8), using: SymmetricKey(data: Array(secret.utf8))))
    }

    static func hmacSHA1Hex(_ body: String, secret: String) -> String {
        hex(HMAC<Insecure.SHA1>.authenticationCode(for: Array(body.utf8), using: SymmetricKey(data: Array(secret.utf8))))
    }

    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}
