public import KubeModel

/// A token issued for a project role, as the role's `jwtTokens` list remembers it: a token is valid
/// only while its record is there (deleting the record revokes it).
public struct ProjectTokenRecord: Sendable, Hashable {
    /// When it was issued (Unix seconds), the key upstream matches tokens by.
    public var issuedAt: Int64
    /// When it expires (Unix seconds); nil or 0 never.
    public var expiresAt: Int64?
    /// The optional token id (`jti`).
    public var id: String?

    /// A record from its parts.
    public init(issuedAt: Int64, expiresAt: Int64? = nil, id: String? = nil) {
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
        self.id = id
    }

    /// A record read from `{iat, exp, id}`.
    public init?(_ json: JSONValue) {
        guard let iat = json["iat"]?.int64Value else { return nil }
        self.init(issuedAt: iat, expiresAt: json["exp"]?.int64Value, id: json["id"]?.stringValue)
    }

    /// The record as the AppProject stores it.
    public var json: JSONValue {
        var entry: JSONValue = ["iat": .int(Int(issuedAt))]
        if let expiresAt, expiresAt != 0 { entry["exp"] = .int(Int(expiresAt)) }
        if let id, !id.isEmpty { entry["id"] = .string(id) }
        return entry
    }
}
