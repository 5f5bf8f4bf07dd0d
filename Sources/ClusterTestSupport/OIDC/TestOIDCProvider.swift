import Crypto
public import Foundation
import Hummingbird
import KubeModel
import Logging
import Synchronization
import _CryptoExtras

/// A small OpenID Connect provider on loopback for SSO tests: discovery, JWKS (one RSA key),
/// an authorization endpoint that signs the configured user in at once (the "browser" just follows
/// its redirect), and a token endpoint that checks the code, client, redirect URI and PKCE verifier
/// before returning an RS256 ID token.
public final class TestOIDCProvider: Sendable {
    /// Who the authorization endpoint signs in.
    public struct User: Sendable {
        public var subject: String
        public var email: String
        public var groups: [String]

        public init(subject: String, email: String, groups: [String]) {
            self.subject = subject
            self.email = email
            self.groups = groups
        }
    }

    private struct Grant {
        var clientID: String
        var redirectURI: String
        var challenge: String
        var nonce: String?
    }

    /// The issuer URL (`http://127.0.0.1:PORT`).
    public let issuer: String
    /// The client the tests register.
    public let clientID: String
    /// Its secret.
    public let clientSecret: String
    private let key: _RSA.Signing.PrivateKey
    private let user: Mutex<User>
    private let grants = Mutex<[String: Grant]>([:])
    private let exchanges = Mutex(0)

    private init(issuer: String, clientID: String, clientSecret: String, key: _RSA.Signing.PrivateKey, user: User) {
        self.issuer = issuer
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.key = key
        self.user = Mutex(user)
    }

    /// How many codes were exchanged for tokens.
    public var exchangeCount: Int { exchanges.withLock { $0 } }

    /// Changes who the next login signs in.
    public func signIn(_ next: User) { user.withLock { $0 = next } }

    /// An ID token for `user`, signed with the provider's key (or `otherKey`), for `audience`, expiring after `lifetime`.
    public func idToken(for user: User, audience: String? = nil, lifetime: TimeInterval = 3600, nonce: String? = nil, signedByAnotherKey: Bool = false) throws -> String {
        let now = Int(Date().timeIntervalSince1970)
        var claims: JSONValue = [
            "iss": .string(issuer), "sub": .string(user.subject), "aud": .string(audience ?? clientID), "iat": .int(now), "exp": .int(now + Int(lifetime)),
            "email": .string(user.email), "groups": .array(user.groups.map(JSONValue.string)),
        ]
        if let nonce { claims["nonce"] = .string(nonce) }
        let header = Self.base64URL(Array(JSONWriter.string(["alg": "RS256", "typ": "JWT", "kid": "test-key"]).utf8))
        let payload = Self.base64URL(Array(JSONWriter.string(claims).utf8))
        let signer = signedByAnotherKey ? try _RSA.Signing.PrivateKey(keySize: .bits2048) : key
        let signature = try signer.signature(for: SHA256.hash(data: Array("\(header).\(payload)".utf8)), padding: .insecurePKCS1v1_5)
        return "\(header).\(payload).\(Self.base64URL(Array(signature.rawRepresentation)))"
    }

    private static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    private static let quietLogger: Logger = {
        var logger = Logger(label: "test-oidc")
        logger.logLevel = .critical
        return logger
    }()

    /// Starts a provider signing `user` in, runs `body`, stops it.
    public static func with<T: Sendable>(user: User, clientID: String = "wharf", _ body: (TestOIDCProvider) async throws -> T) async throws -> T {
        let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let holder = Mutex<TestOIDCProvider?>(nil)
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            guard let provider = holder.withLock({ $0 }) else { return Response(status: .serviceUnavailable) }
            var request = request
            let body = try await request.collectBody(upTo: 1 << 20)
            return provider.respond(method: request.method.rawValue, path: request.uri.path, query: request.uri.query ?? "", body: String(buffer: body))
        }
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let application = Application(
            responder: responder, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) }, logger: quietLogger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await application.runService() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw TestFailure("the test OIDC provider did not start") }
            let provider = TestOIDCProvider(issuer: "http://127.0.0.1:\(port)", clientID: clientID, clientSecret: "client-secret-\(port)", key: key, user: user)
            holder.withLock { $0 = provider }
            defer { group.cancelAll() }
            return try await body(provider)
        }
    }

    private static func form(_ text: String) -> [String: String] {
        var values: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0) }
            if parts.count == 2 { values[parts[0]] = parts[1] }
        }
        return values
    }

    private func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(string: JSONWriter.string(value))))
    }

    private func respond(method: String, path: String, query: String, body: String) -> Response {
        switch (method, path) {
        case ("GET", "/.well-known/openid-configuration"):
            return json([
                "issuer": .string(issuer), "authorization_endpoint": .string(issuer + "/authorize"), "token_endpoint": .string(issuer + "/token"),
                "jwks_uri": .string(issuer + "/keys"), "response_types_supported": ["code"], "id_token_signing_alg_values_supported": ["RS256"],
            ])
        case ("GET", "/keys"):
            guard let primitives = try? key.publicKey.getKeyPrimitives() else { return Response(status: .internalServerError) }
            return json(["keys": [["kty": "RSA", "alg": "RS256", "use": "sig", "kid": "test-key", "n": .string(Self.base64URL(Array(primitives.modulus))), "e": .string(Self.base64URL(Array(primitives.publicExponent)))]]])
        case ("GET", "/authorize"):
            let parameters = Self.form(query)
            guard parameters["response_type"] == "code", parameters["client_id"] == clientID, let redirect = parameters["redirect_uri"],
                let challenge = parameters["code_challenge"], parameters["code_challenge_method"] == "S256", let state = parameters["state"]
            else { return json(["error": "invalid_request"], status: .badRequest) }
            let code = UUID().uuidString
            grants.withLock { $0[code] = Grant(clientID: clientID, redirectURI: redirect, challenge: challenge, nonce: parameters["nonce"]) }
            var location = URLComponents(string: redirect)
            location?.queryItems = [URLQueryItem(name: "code", value: code), URLQueryItem(name: "state", value: state)]
            return Response(status: .found, headers: [.location: location?.url?.absoluteString ?? redirect])
        case ("POST", "/token"):
            let parameters = Self.form(body)
            guard parameters["grant_type"] == "authorization_code", let code = parameters["code"], let grant = grants.withLock({ $0.removeValue(forKey: code) }),
                parameters["client_id"] == grant.clientID, parameters["redirect_uri"] == grant.redirectURI, let verifier = parameters["code_verifier"],
                Self.base64URL(Array(SHA256.hash(data: Array(verifier.utf8)))) == grant.challenge
            else { return json(["error": "invalid_grant"], status: .badRequest) }
            exchanges.withLock { $0 += 1 }
            guard let token = try? idToken(for: user.withLock { $0 }, nonce: grant.nonce) else { return Response(status: .internalServerError) }
            return json(["access_token": "opaque", "token_type": "Bearer", "expires_in": 3600, "id_token": .string(token)])
        default:
            return Response(status: .notFound)
        }
    }
}
