import Crypto

/// Checks of shared secrets that take the same time whatever the input, so that a caller cannot
/// learn a secret or a valid signature byte by byte from response times.
enum Signature {
    /// Whether `hexDigest` (any case) is the HMAC-SHA256 of `body` under `key`.
    static func isHMACSHA256(_ hexDigest: String, of body: [UInt8], key: String) -> Bool {
        guard let code = bytes(fromHex: hexDigest) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(code, authenticating: body, using: SymmetricKey(data: Array(key.utf8)))
    }

    /// Whether `hexDigest` (any case) is the HMAC-SHA1 of `body` under `key`; GitHub's legacy
    /// `X-Hub-Signature`, still the only one some GitHub Enterprise versions send.
    static func isHMACSHA1(_ hexDigest: String, of body: [UInt8], key: String) -> Bool {
        guard let code = bytes(fromHex: hexDigest) else { return false }
        return HMAC<Insecure.SHA1>.isValidAuthenticationCode(code, authenticating: body, using: SymmetricKey(data: Array(key.utf8)))
    }

    /// Whether two tokens are equal. Both are hashed first so that the comparison does not even
    /// reveal the expected length; digest equality in swift-crypto is constant-time.
    static func tokensEqual(_ given: String, _ expected: String) -> Bool {
        SHA256.hash(data: Array(given.utf8)) == SHA256.hash(data: Array(expected.utf8))
    }

    private static func bytes(fromHex text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count.isMultiple(of: 2) else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            result.append(high << 4 | low)
            index += 2
        }
        return result
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
