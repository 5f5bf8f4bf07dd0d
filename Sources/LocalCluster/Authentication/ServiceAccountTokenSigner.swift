import Crypto
import Foundation
import KubeModel

/// Issues and verifies the tokens of legacy service-account token Secrets: JWTs signed with HMAC-SHA256
/// under a key in the data directory, with the claims kube-controller-manager puts in such tokens.
///
/// The signature is what makes a token trustworthy: a user who may write Secrets but not read them
/// cannot choose a token of their own, and a token copied into another Secret still names the account
/// it was issued for.
struct ServiceAccountTokenSigner: Sendable {
    /// The claims that tie a token to its Secret and ServiceAccount.
    struct Claims: Sendable, Equatable {
        var namespace: String
        var secretName: String
        var serviceAccountName: String
        var serviceAccountUID: String
    }

    private let key: SymmetricKey

    /// The JWT header every token carries.
    private static let header = base64URL(Array(#"{"alg":"HS256","typ":"JWT"}"#.utf8))

    /// Creates a signer with `secret` as the HMAC key.
    init(secret: String) {
        key = SymmetricKey(data: Array(secret.utf8))
    }

    /// A new token for `claims`; a random `jti` makes a re-created Secret get a different token.
    func issue(_ claims: Claims) -> String {
        let payload: JSONValue = [
            "iss": "kubernetes/serviceaccount",
            "sub": .string("system:serviceaccount:\(claims.namespace):\(claims.serviceAccountName)"),
            "jti": .string(UUID().uuidString.lowercased()),
            "kubernetes.io/serviceaccount/namespace": .string(claims.namespace),
            "kubernetes.io/serviceaccount/secret.name": .string(claims.secretName),
            "kubernetes.io/serviceaccount/service-account.name": .string(claims.serviceAccountName),
            "kubernetes.io/serviceaccount/service-account.uid": .string(claims.serviceAccountUID),
        ]
        let signingInput = Self.header + "." + Self.base64URL(Array(JSONWriter.string(payload).utf8))
        let signature = HMAC<SHA256>.authenticationCode(for: Array(signingInput.utf8), using: key)
        return signingInput + "." + Self.base64URL(Array(signature))
    }

    /// The claims of `token` when this signer signed it, nil otherwise. The signature check takes the
    /// same time however much of a forged signature is right.
    func verify(_ token: String) -> Claims? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let signature = Self.decodeBase64URL(parts[2]),
            HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: Array("\(parts[0]).\(parts[1])".utf8), using: key),
            let payload = Self.decodeBase64URL(parts[1]), let claims = try? JSONParser.parse(bytes: payload)
        else { return nil }
        func claim(_ name: String) -> String? { claims["kubernetes.io/serviceaccount/\(name)"]?.stringValue }
        guard let namespace = claim("namespace"), let secretName = claim("secret.name"),
            let serviceAccountName = claim("service-account.name"), let serviceAccountUID = claim("service-account.uid")
        else { return nil }
        return Claims(namespace: namespace, secretName: secretName, serviceAccountName: serviceAccountName, serviceAccountUID: serviceAccountUID)
    }

    private static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    private static func decodeBase64URL(_ text: Substring) -> [UInt8]? {
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        standard += String(repeating: "=", count: (4 - standard.count % 4) % 4)
        return Data(base64Encoded: standard).map(Array.init)
    }
}
