public import Crypto
public import Foundation
public import KubeModel

/// JSON Web Tokens signed with HMAC-SHA256 over the server's key (`server.secretkey` of
/// `argocd-secret`), the form of every token Argo CD's API server issues itself: login sessions,
/// account API keys and project role tokens.
public enum SignedToken {
    /// `claims` signed with `key`, as `header.payload.signature` in base64url.
    public static func sign(_ claims: JSONValue, key: SymmetricKey) -> String {
        let header = base64URL(Array(JSONWriter.string(["alg": "HS256", "typ": "JWT"]).utf8))
        let payload = base64URL(Array(JSONWriter.string(claims).utf8))
        let signature = HMAC<SHA256>.authenticationCode(for: Array("\(header).\(payload)".utf8), using: key)
        return "\(header).\(payload).\(base64URL(Array(signature)))"
    }

    /// Why a token was not accepted.
    public enum Failure: Error, Sendable {
        /// Not three base64url parts.
        case malformed
        /// The signature is not `key`'s (another server, a changed key, or a forgery).
        case badSignature
        /// The header does not say HS256, or the claims are not a JSON object.
        case unreadable
    }

    /// The claims of `token` when `key` signed it (checked in constant time). Expiry and subject
    /// are the caller's to judge: they differ by kind of token.
    public static func claims(of token: String, key: SymmetricKey) throws(Failure) -> JSONValue {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let signature = decodeBase64URL(parts[2]), let payloadBytes = decodeBase64URL(parts[1]),
            let headerBytes = decodeBase64URL(parts[0])
        else { throw .malformed }
        guard HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: Array("\(parts[0]).\(parts[1])".utf8), using: key) else {
            throw .badSignature
        }
        guard (try? JSONParser.parse(bytes: headerBytes))?["alg"]?.stringValue == "HS256", let payload = try? JSONParser.parse(bytes: payloadBytes),
            payload.objectValue != nil
        else { throw .unreadable }
        return payload
    }

    /// The claims of `token` without checking its signature: only for choosing which key or
    /// verifier applies (the issuer), never for trusting it.
    public static func unverifiedClaims(of token: String) -> JSONValue? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let bytes = decodeBase64URL(parts[1]) else { return nil }
        return try? JSONParser.parse(bytes: bytes)
    }

    /// base64url without padding, as JWTs write it.
    public static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Decodes base64url with or without padding.
    public static func decodeBase64URL(_ text: Substring) -> [UInt8]? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64).map(Array.init)
    }
}
