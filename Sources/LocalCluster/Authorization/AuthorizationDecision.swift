/// What the authorizer decided about a request, and why, in RBAC's words.
struct AuthorizationDecision: Sendable, Equatable {
    /// Whether the request may proceed.
    var allowed: Bool
    /// Which binding allowed it (`RBAC: allowed by RoleBinding "..." of Role "..." to User "..."`), or
    /// why evaluation fell short (bindings naming missing roles); empty when there is nothing to say.
    var reason: String

    /// Allowed by membership of `system:masters`, which needs no reason.
    static let privileged = AuthorizationDecision(allowed: true, reason: "")
}
