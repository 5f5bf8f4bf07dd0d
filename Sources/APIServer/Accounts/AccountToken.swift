import KubeModel

/// An API token recorded for an account in `argocd-secret` (`accounts.<name>.tokens`, a JSON list
/// of `{id, iat, exp}`); removing the record revokes the token.
public struct AccountToken: Sendable, Equatable {
    /// The token id (`jti`).
    public var id: String
    /// Issued at (Unix seconds).
    public var issuedAt: Int64
    /// Expiry (Unix seconds); 0 never.
    public var expiresAt: Int64

    /// A record.
    public init(id: String, issuedAt: Int64, expiresAt: Int64) {
        self.id = id
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
    }

    init?(json: JSONValue) {
        guard let id = json["id"]?.stringValue else { return nil }
        self.init(id: id, issuedAt: json["iat"]?.int64Value ?? 0, expiresAt: json["exp"]?.int64Value ?? 0)
    }

    /// The record as stored.
    var json: JSONValue { ["id": .string(id), "iat": .int(Int(issuedAt)), "exp": .int(Int(expiresAt))] }
}
