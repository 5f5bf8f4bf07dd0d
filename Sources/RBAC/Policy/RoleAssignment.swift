/// One `g, member, role` line: a user, group or role that holds `role` and so every rule written
/// for it (and for the roles `role` itself holds).
public struct RoleAssignment: Sendable, Hashable {
    /// The user, group (an SSO group claim value) or role that gains the role.
    public var member: String
    /// The role gained, usually `role:<name>` or `proj:<project>:<role>`.
    public var role: String

    /// An assignment from its fields.
    public init(member: String, role: String) {
        self.member = member
        self.role = role
    }
}
