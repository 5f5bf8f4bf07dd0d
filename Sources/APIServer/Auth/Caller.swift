/// Who is calling, once their token has been checked.
public struct Caller: Sendable, Equatable {
    /// How the caller proved who they are.
    public enum Kind: Sendable, Equatable {
        /// A local account's login session.
        case session
        /// A local account's API key (`accounts.<name>: apiKey`).
        case apiKey
        /// A project role token.
        case projectRole
        /// An SSO user (OpenID Connect ID token).
        case sso
        /// Nobody: anonymous access (`users.anonymous.enabled`).
        case anonymous
    }

    /// The RBAC subject: the account name, `proj:<project>:<role>`, or the SSO subject.
    public var subject: String
    /// The groups RBAC maps to roles (from the token's `scopes` claims for SSO users).
    public var groups: [String]
    /// How the caller authenticated.
    public var kind: Kind
    /// The issuer (`argocd` for tokens this server issued).
    public var issuer: String
    /// The user name shown in `initiatedBy` and userinfo (an SSO user's e-mail or name when the token has one).
    public var username: String
    /// When the token was issued (Unix seconds).
    public var issuedAt: Int64

    /// A caller.
    public init(subject: String, groups: [String] = [], kind: Kind, issuer: String = "argocd", username: String? = nil, issuedAt: Int64 = 0) {
        self.subject = subject
        self.groups = groups
        self.kind = kind
        self.issuer = issuer
        self.username = username ?? subject
        self.issuedAt = issuedAt
    }
}
