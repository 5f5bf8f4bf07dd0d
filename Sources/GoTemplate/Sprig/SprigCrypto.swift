import KubeModel
import Crypto
import _CryptoExtras

/// Sprig's digest, password and symmetric encryption functions (`crypto.go`): hex digests, Adler-32,
/// bcrypt and htpasswd, Master Password's `derivePassword`, and AES-256-CBC `encryptAES`/`decryptAES`.
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
        GoFunction("bcrypt", [.string]) { a, _ in .string(bcrypt(a.string(0))) },
        GoFunction("htpasswd", [.string, .string]) { a, _ in
            let user = a.string(0)
            if user.contains(":") { return .string("invalid username: " + user) }
            return .string(user + ":" + bcrypt(a.string(1)))
        },
        GoFunction("derivePassword", [.int, .string, .string, .string, .string]) { a, _ in
            .string(try MasterPassword.derive(counter: UInt32(truncatingIfNeeded: a.int(0)), type: a.string(1), password: a.string(2), user: a.string(3), site: a.string(4)))
        },
        GoFunction("encryptAES", [.string, .string]) { a, _ in .string(try encryptAES(password: a.string(0), plaintext: a.string(1))) },
        GoFunction("decryptAES", [.string, .string]) { a, _ in .string(try decryptAES(password: a.string(0), encoded: a.string(1))) },
    ]

    /// The digest in lowercase hexadecimal, built in one buffer (charts hash whole rendered files for
    /// checksum annotations on every render).
    private static func hex(_ digest: some Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(2 * type(of: digest).byteCount)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Sprig reports bcrypt's failure (a password over 72 bytes) as the result rather than an error.
    private static func bcrypt(_ password: String) -> String {
        do {
            return try Bcrypt.hash(Array(password.utf8))
        } catch {
            return "failed to encrypt string with bcrypt: \(error)"
        }
    }

    /// The AES-256 key Sprig makes of a password: its first 32 bytes, zero-padded.
    private static func key(_ password: String) -> SymmetricKey {
        let bytes = Array(password.utf8.prefix(32))
        return SymmetricKey(data: bytes + [UInt8](repeating: 0, count: 32 - bytes.count))
    }

    /// Base64 of a random IV followed by the PKCS #7-padded CBC ciphertext; "" for "".
    private static func encryptAES(password: String, plaintext: String) throws -> String {
        if plaintext.isEmpty { return "" }
        let iv = AES._CBC.IV()
        let ciphertext = try AES._CBC.encrypt(Array(plaintext.utf8), using: key(password), iv: iv)
        return Base64.encode(Array(iv) + Array(ciphertext))
    }

    /// The inverse of ``encryptAES(password:plaintext:)``. Like Sprig it does not check the padding, so
    /// a wrong password yields garbage or fails; failures carry the messages of Go's runtime panics.
    private static func decryptAES(password: String, encoded: String) throws -> String {
        if encoded.isEmpty { return "" }
        let data: [UInt8]
        switch Base64.decode(encoded) {
        case .success(let bytes): data = bytes
        case .failure(let error): throw GoFunctionError("illegal base64 data at input byte \(error.offset)")
        }
        guard data.count >= 16 else { throw GoFunctionError("runtime error: slice bounds out of range [:16] with capacity \(data.count)") }
        let body = data[16...]
        guard body.count % 16 == 0 else { throw GoFunctionError("crypto/cipher: input not full blocks") }
        guard !body.isEmpty else { throw GoFunctionError("runtime error: index out of range [-1]") }
        let plain = Array(try AES._CBC.decrypt(Array(body), using: key(password), iv: try AES._CBC.IV(ivBytes: data[..<16]), noPadding: true))
        let end = plain.count - Int(plain[plain.count - 1])
        guard end >= 0 else { throw GoFunctionError("runtime error: slice bounds out of range [:\(end)]") }
        return String(decoding: plain[..<end], as: UTF8.self)
    }
}
