/// One of an AppProject's `spec.roles`, as RBAC sees it: the subject `proj:<project>:<name>`.
public struct RBACProjectRole: Sendable {
    /// The role's name.
    public var name: String
    /// The role's `p, proj:<project>:<name>, ...` lines.
    public var policies: [String]
    /// SSO groups that hold the role.
    public var groups: [String]

    /// A role from its parts.
    public init(name: String, policies: [String], groups: [String] = []) {
        self.name = name
        self.policies = policies
        self.groups = groups
    }
}
