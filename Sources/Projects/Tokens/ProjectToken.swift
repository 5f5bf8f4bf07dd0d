public import Crypto
public import Foundation
import KubeModel

/// JWT bearer tokens for project roles, as `argocd proj role create-token` issues them: HS256 over
/// the server's signing key (`server.secretkey` in `argocd-secret`), subject `proj:<project>:<role>`,
/// issuer `argocd`. A token is accepted only while the role still lists its `iat` in `jwtTokens`.
public enum ProjectToken {
    /// The claims a verified token carries.
    public struct Claims: Sendable, Equatable {
        /// The project.
        public var project: String
        /// The role.
        public var role: String
        /// Issued at (Unix seconds).
        public var issuedAt: Int64
        /// Expiry (Unix seconds), if any.
        public var expiresAt: Int64?
        /// The token id, if any.
        public var id: String?
    }

    /// A signed token for `role` of `project`, issued at `issuedAt`, expiring after `expiresIn` (nil never).
    public static func issue(project: String, role: String, id: String? = nil, issuedAt: Date = Date(), expiresIn: Duration? = nil, key: SymmetricKey) -> (token: String, record: ProjectTokenRecord) {
        let iat = Int64(issuedAt.timeIntervalSince1970)
        var claims: JSONValue = ["iat": .int(Int(iat)), "iss": "argocd", "nbf": .int(Int(iat)), "sub": .string(ProjectRole.subject(project: project, role: role))]
        var expiry: Int64?
        if let expiresIn {
            expiry = iat + expiresIn.components.seconds
            claims["exp"] = .int(Int(expiry ?? 0))
        }
        if let id, !id.isEmpty { claims["jti"] = .string(id) }
        return (SignedToken.sign(claims, key: key), ProjectTokenRecord(issuedAt: iat, expiresAt: expiry, id: id))
    }

    /// The claims of `token` when its signature is `key`'s, it has not expired at `now`, it names a
    /// role of a project `project(name)` finds, and that role still lists it.
    public static func verify(_ token: String, key: SymmetricKey, now: Date = Date(), project lookup: (String) -> AppProject?) throws(ProjectTokenError) -> Claims {
        let payload: JSONValue
        do throws(SignedToken.Failure) {
            payload = try SignedToken.claims(of: token, key: key)
        } catch {
            switch error {
            case .malformed: throw ProjectTokenError("the token is not a JWT; pass the token `wharf proj role create-token` printed")
            case .badSignature:
                throw ProjectTokenError("the token's signature is not valid (it was not issued by this server, or the signing key changed)")
            case .unreadable: throw ProjectTokenError("the token's header or claims cannot be read")
            }
        }
        let subject = payload["sub"]?.stringValue ?? ""
        let pieces = subject.split(separator: ":", omittingEmptySubsequences: false)
        guard pieces.count == 3, pieces[0] == "proj", let iat = payload["iat"]?.int64Value else {
            throw ProjectTokenError("the token is not a project role token (subject \"\(subject)\")")
        }
        let claims = Claims(
            project: String(pieces[1]), role: String(pieces[2]), issuedAt: iat, expiresAt: payload["exp"]?.int64Value, id: payload["jti"]?.stringValue)
        if let expiry = claims.expiresAt, expiry != 0, Double(expiry) <= now.timeIntervalSince1970 {
            throw ProjectTokenError("the token for role \(claims.role) of project \(claims.project) has expired; create a new one")
        }
        guard let project = lookup(claims.project), let role = project.roles.first(where: { $0.name == claims.role }) else {
            throw ProjectTokenError("project \(claims.project) has no role \(claims.role) any more")
        }
        guard role.tokens.contains(where: { $0.issuedAt == claims.issuedAt }) else {
            throw ProjectTokenError("the token for role \(claims.role) of project \(claims.project) has been revoked")
        }
        return claims
    }
}
