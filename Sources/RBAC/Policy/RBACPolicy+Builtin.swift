extension RBACPolicy {
    /// The roles every installation has, as upstream's built-in policy defines them: `role:readonly`
    /// may `get` every kind of object; `role:admin` holds `role:readonly` and may
    /// also create, change, delete, sync, roll back, override, run actions and exec; the local
    /// `admin` user holds `role:admin`.
    public static let builtin: RBACPolicy = {
        // Project-scoped resources name objects `project/...`, the others by name.
        let scoped = "*/*", named = "*"
        let readable: [(resource: String, object: String)] = [
            ("applications", scoped), ("applicationsets", scoped), ("certificates", named), ("clusters", named),
            ("repositories", named), ("write-repositories", named), ("projects", named), ("accounts", named),
            ("gpgkeys", named), ("logs", scoped),
        ]
        let administrable: [(resource: String, actions: [String], object: String)] = [
            ("applications", ["create", "update", "update/*", "delete", "delete/*", "sync", "rollback", "override", "action/*"], scoped),
            ("applicationsets", ["get", "create", "update", "delete"], scoped),
            ("certificates", ["create", "update", "delete"], named),
            ("clusters", ["create", "update", "delete"], named),
            ("repositories", ["create", "update", "delete"], named),
            ("write-repositories", ["create", "update", "delete"], named),
            ("projects", ["create", "update", "delete"], named),
            ("accounts", ["update"], named),
            ("gpgkeys", ["create", "delete"], named),
            ("exec", ["create", "debug"], scoped),
        ]
        let readonlyRules = readable.map { PolicyRule(subject: "role:readonly", resource: $0.resource, action: "get", object: $0.object) }
        let adminRules = administrable.flatMap { entry in
            entry.actions.map { PolicyRule(subject: "role:admin", resource: entry.resource, action: $0, object: entry.object) }
        }
        return RBACPolicy(
            rules: readonlyRules + adminRules,
            roleAssignments: [RoleAssignment(member: "role:admin", role: "role:readonly"), RoleAssignment(member: "admin", role: "role:admin")]
        )
    }()
}
