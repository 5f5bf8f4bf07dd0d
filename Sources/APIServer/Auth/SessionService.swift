import HTTPTypes
import Crypto
import Foundation
import KubeModel
import Projects

/// Logs local accounts in and tells who a bearer token belongs to: login sessions (24 hours,
/// invalid once the password changes), account API tokens (valid while recorded in
/// `argocd-secret`), and project role tokens (valid while their role lists them). Every token is an
/// HS256 JWT over `server.secretkey`.
struct SessionService: Sendable {
    let settings: @Sendable () -> ServerSettings
    let attempts: LoginAttempts
    let sessionDuration: Duration
    let oidc: OIDCProvider

    /// The message for every failed login, whatever the reason, so that it tells nothing about which part was wrong.
    static let invalidLogin = "Invalid username or password"

    /// A session token for `username` when `password` is its password and it may log in.
    func login(username: String, password: String, now: Date = Date()) async throws(APIError) -> String {
        guard !username.isEmpty else { throw APIError.unauthenticated("username is required: pass it as \"username\" in the request body") }
        if let wait = attempts.lockedFor(username) {
            throw APIError.unauthenticated("too many failed login attempts for \(username): try again in \(wait)s")
        }
        let current = settings()
        let hash = current.accounts[username].flatMap { $0.enabled && $0.capabilities.contains(.login) ? $0.passwordHash : nil }
        guard let hash, await Bcrypt.verifyOffPool(Array(password.utf8), hash: hash) else {
            attempts.fail(username)
            throw APIError.unauthenticated(Self.invalidLogin)
        }
        guard let key = current.signingKey else {
            throw APIError(.serviceUnavailable, "the server has no signing key yet (\(ServerSigningKey.dataKey) in Secret \(ServerSigningKey.secretName)); try again in a moment")
        }
        attempts.succeed(username)
        let issued = Int(now.timeIntervalSince1970)
        let claims: JSONValue = [
            "iss": "argocd", "sub": .string(username), "iat": .int(issued), "nbf": .int(issued),
            "exp": .int(issued + Int(sessionDuration.components.seconds)), "jti": .string(UUID().uuidString.lowercased()),
        ]
        return SignedToken.sign(claims, key: key)
    }

    /// An API token for `account`, valid for `expiresIn` (nil: forever), and the record that keeps it valid.
    func issueAPIToken(account: String, id: String, expiresIn: Duration?, now: Date = Date()) throws(APIError) -> (token: String, record: AccountToken) {
        guard let key = settings().signingKey else { throw APIError(.serviceUnavailable, "the server has no signing key yet; try again in a moment") }
        let issued = Int64(now.timeIntervalSince1970)
        let expiry = expiresIn.map { issued + $0.components.seconds } ?? 0
        var claims: JSONValue = ["iss": "argocd", "sub": .string(account), "iat": .int(Int(issued)), "nbf": .int(Int(issued)), "jti": .string(id)]
        if expiry > 0 { claims["exp"] = .int(Int(expiry)) }
        return (SignedToken.sign(claims, key: key), AccountToken(id: id, issuedAt: issued, expiresAt: expiry))
    }

    /// Who `token` belongs to; an error saying why it is not accepted (never repeating it).
    func authenticate(_ token: String, now: Date = Date()) async throws(APIError) -> Caller {
        let current = settings()
        let unverified = SignedToken.unverifiedClaims(of: token)
        if let oidc = current.oidc, unverified?["iss"]?.stringValue == oidc.issuer {
            let claims = try await self.oidc.verify(token, configuration: oidc, now: now)
            return Self.caller(claims: claims, configuration: oidc, scopes: current.authorizer.scopes)
        }
        guard let key = current.signingKey else { throw APIError.unauthenticated("the server cannot check tokens yet: it has no signing key") }
        let subject = unverified?["sub"]?.stringValue ?? ""
        if subject.hasPrefix("proj:") {
            do throws(ProjectTokenError) {
                let claims = try ProjectToken.verify(token, key: key, now: now) { current.projects[$0] }
                let role = ProjectRole.subject(project: claims.project, role: claims.role)
                return Caller(subject: role, kind: .projectRole, issuedAt: claims.issuedAt)
            } catch {
                throw APIError.unauthenticated(error.message)
            }
        }
        let claims: JSONValue
        do {
            claims = try SignedToken.claims(of: token, key: key)
        } catch {
            throw APIError.unauthenticated("invalid session: the token was not issued by this server or is malformed; log in again")
        }
        // Upstream writes `name:login` or `name:apiKey` subjects in some versions: the name is what counts.
        let name = String(subject.split(separator: ":").first ?? "")
        let issued = claims["iat"]?.int64Value ?? 0
        if let expiry = claims["exp"]?.int64Value, expiry > 0, Double(expiry) <= now.timeIntervalSince1970 {
            throw APIError.unauthenticated("token is expired: log in again")
        }
        guard let account = current.accounts[name], account.enabled else {
            throw APIError.unauthenticated("account \(name) does not exist or is disabled")
        }
        if let id = claims["jti"]?.stringValue, account.tokens.contains(where: { $0.id == id }) {
            return Caller(subject: name, kind: .apiKey, issuedAt: issued)
        }
        if claims["exp"] == nil { throw APIError.unauthenticated("account \(name) has no token with this id any more: it was revoked") }
        if let changed = account.passwordChanged, Double(issued) < changed.timeIntervalSince1970.rounded(.down) {
            throw APIError.unauthenticated("session is no longer valid: the password of \(name) changed after it was issued; log in again")
        }
        return Caller(subject: name, kind: .session, issuedAt: issued)
    }

    /// An SSO user: the `sub` claim as subject, a readable name, and as groups the values of every
    /// claim `scopes` names (`groups` by default), as upstream maps them into RBAC.
    static func caller(claims: JSONValue, configuration: OIDCConfiguration, scopes: [String]) -> Caller {
        var groups: [String] = []
        for scope in Set(scopes + [configuration.groupsClaim]).sorted() {
            switch claims[scope] {
            case .string(let value): groups.append(value)
            case .array(let values): groups += values.compactMap(\.stringValue)
            default: break
            }
        }
        let subject = claims["sub"]?.stringValue ?? ""
        let username = claims["email"]?.stringValue ?? claims["name"]?.stringValue ?? subject
        return Caller(
            subject: subject, groups: groups, kind: .sso, issuer: configuration.issuer, username: username, issuedAt: claims["iat"]?.int64Value ?? 0)
    }
}
