import AsyncHTTPClient
import Crypto
import Foundation
import HTTPTypes
import KubeModel
import NIOCore
import NIOHTTP1
import Projects
import Synchronization
import _CryptoExtras

/// The OpenID Connect provider SSO logs in with: its discovery document and signing keys (cached,
/// keys fetched again when a token names one not seen yet), the code-for-token exchange, and ID
/// token verification (RS256 signature with the provider's key, issuer, audience, expiry, nonce).
final class OIDCProvider: Sendable {
    /// The endpoints the discovery document names.
    struct Endpoints: Sendable {
        var authorization: String
        var token: String
        var keys: String
    }

    private let http: HTTPClient
    private let endpoints = Mutex<[String: Endpoints]>([:])
    private let keys = Mutex<[String: _RSA.Signing.PublicKey]>([:])
    /// Every call to the provider gives up after this long.
    static let timeout: TimeAmount = .seconds(15)

    init() {
        var configuration = HTTPClient.Configuration()
        configuration.timeout = HTTPClient.Configuration.Timeout(connect: .seconds(5), read: Self.timeout)
        http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    func shutdown() async {
        try? await http.shutdown()
    }

    /// The provider's endpoints, read once from `issuer/.well-known/openid-configuration`.
    func endpoints(issuer: String) async throws(APIError) -> Endpoints {
        if let known = endpoints.withLock({ $0[issuer] }) { return known }
        let base = issuer.hasSuffix("/") ? String(issuer.dropLast()) : issuer
        let document = try await fetch(base + "/.well-known/openid-configuration")
        guard let authorization = document["authorization_endpoint"]?.stringValue, let token = document["token_endpoint"]?.stringValue,
            let keys = document["jwks_uri"]?.stringValue
        else { throw APIError(.badGateway, "the OIDC provider \(issuer) has no authorization_endpoint, token_endpoint or jwks_uri in its discovery document") }
        let found = Endpoints(authorization: authorization, token: token, keys: keys)
        endpoints.withLock { $0[issuer] = found }
        return found
    }

    /// Exchanges an authorization code (with its PKCE verifier) for the ID token.
    func exchange(code: String, verifier: String, redirectURI: String, configuration: OIDCConfiguration) async throws(APIError) -> String {
        let token = try await endpoints(issuer: configuration.issuer).token
        var form = URLComponents()
        form.queryItems = [
            URLQueryItem(name: "grant_type", value: "authorization_code"), URLQueryItem(name: "code", value: code),
            URLQueryItem(name: "redirect_uri", value: redirectURI), URLQueryItem(name: "client_id", value: configuration.clientID),
            URLQueryItem(name: "code_verifier", value: verifier),
        ]
        if !configuration.clientSecret.isEmpty { form.queryItems?.append(URLQueryItem(name: "client_secret", value: configuration.clientSecret)) }
        var request = HTTPClientRequest(url: token)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Accept", value: "application/json")
        request.body = .bytes(ByteBuffer(string: form.percentEncodedQuery ?? ""))
        let answer = try await send(request, what: "token exchange")
        guard let idToken = answer["id_token"]?.stringValue, !idToken.isEmpty else {
            throw APIError(.badGateway, "the OIDC provider answered the token exchange without an id_token")
        }
        return idToken
    }

    /// The claims of an ID token when the provider signed it for this client and it is current.
    func verify(_ token: String, configuration: OIDCConfiguration, nonce: String? = nil, now: Date = Date()) async throws(APIError) -> JSONValue {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let headerBytes = SignedToken.decodeBase64URL(parts[0]), let payloadBytes = SignedToken.decodeBase64URL(parts[1]),
            let signature = SignedToken.decodeBase64URL(parts[2]), let header = try? JSONParser.parse(bytes: headerBytes),
            let claims = try? JSONParser.parse(bytes: payloadBytes)
        else { throw APIError.unauthenticated("the ID token is not a JWT") }
        guard header["alg"] == "RS256" else { throw APIError.unauthenticated("ID tokens must be signed with RS256, not \(header["alg"]?.stringValue ?? "none")") }
        let key = try await key(id: header["kid"]?.stringValue ?? "", issuer: configuration.issuer)
        let digest = SHA256.hash(data: Array("\(parts[0]).\(parts[1])".utf8))
        guard key.isValidSignature(_RSA.Signing.RSASignature(rawRepresentation: signature), for: digest, padding: .insecurePKCS1v1_5) else {
            throw APIError.unauthenticated("the ID token's signature is not the provider's")
        }
        guard claims["iss"]?.stringValue == configuration.issuer else { throw APIError.unauthenticated("the ID token was issued by another provider") }
        let audiences = claims["aud"]?.arrayValue?.compactMap(\.stringValue) ?? claims["aud"]?.stringValue.map { [$0] } ?? []
        guard audiences.contains(configuration.clientID) || audiences.contains(configuration.cliClientID ?? configuration.clientID) else {
            throw APIError.unauthenticated("the ID token is not for this client")
        }
        guard let expiry = claims["exp"]?.int64Value, Double(expiry) > now.timeIntervalSince1970 else { throw APIError.unauthenticated("token is expired: log in again") }
        if let nonce, claims["nonce"]?.stringValue != nonce { throw APIError.unauthenticated("the ID token's nonce does not match the login") }
        return claims
    }

    private func key(id: String, issuer: String) async throws(APIError) -> _RSA.Signing.PublicKey {
        if let known = keys.withLock({ $0["\(issuer)#\(id)"] }) { return known }
        let document = try await fetch(try await endpoints(issuer: issuer).keys)
        var found: [String: _RSA.Signing.PublicKey] = [:]
        for entry in document["keys"]?.arrayValue ?? [] where entry["kty"] == "RSA" {
            guard let modulus = entry["n"]?.stringValue.flatMap({ SignedToken.decodeBase64URL($0[...]) }),
                let exponent = entry["e"]?.stringValue.flatMap({ SignedToken.decodeBase64URL($0[...]) }),
                let key = try? _RSA.Signing.PublicKey(n: modulus, e: exponent)
            else { continue }
            found["\(issuer)#\(entry["kid"]?.stringValue ?? "")"] = key
        }
        keys.withLock { $0.merge(found) { _, new in new } }
        guard let key = found["\(issuer)#\(id)"] else { throw APIError.unauthenticated("the OIDC provider has no signing key \"\(id)\"") }
        return key
    }

    private func fetch(_ url: String) async throws(APIError) -> JSONValue {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Accept", value: "application/json")
        return try await send(request, what: url)
    }

    private func send(_ request: HTTPClientRequest, what: String) async throws(APIError) -> JSONValue {
        do {
            let response = try await http.execute(request, timeout: Self.timeout)
            let body = try await response.body.collect(upTo: 4 << 20)
            guard response.status == .ok, let value = try? JSONParser.parse(bytes: Array(buffer: body)) else {
                throw APIError(.badGateway, "the OIDC provider refused the \(what): HTTP \(response.status.code)")
            }
            return value
        } catch let error as APIError {
            throw error
        } catch {
            throw APIError(.badGateway, "the OIDC provider cannot be reached for the \(what): \(error)")
        }
    }
}
