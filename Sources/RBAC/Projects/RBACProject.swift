/// What of an AppProject takes part in RBAC: its name and its `spec.roles`.
public struct RBACProject: Sendable {
    /// The project's name; its applications' objects are `<name>/...`.
    public var name: String
    /// The project's roles.
    public var roles: [RBACProjectRole]

    /// A project from its parts.
    public init(name: String, roles: [RBACProjectRole]) {
        self.name = name
        self.roles = roles
    }
}
