/// One `p, subject, resource, action, object, effect` line of an RBAC policy (Argo CD's casbin
/// `policy.csv` form), as project roles and `argocd-rbac-cm` write them.
public struct PolicyRule: Sendable, Hashable {
    /// Who the rule is for (`proj:team-a:deployer`, `role:readonly`, a user or group).
    public var subject: String
    /// `applications`, `applicationsets`, `clusters`, `projects`, `repositories`, `logs`, `exec`, ...
    /// or a pattern.
    public var resource: String
    /// `get`, `create`, `update`, `delete`, `sync`, `override`, `action/...` or a pattern.
    public var action: String
    /// `project/application` (or another object), a pattern.
    public var object: String
    /// Whether the rule allows (`allow`) or denies (`deny`).
    public var allows: Bool

    /// A rule from its fields.
    public init(subject: String, resource: String, action: String, object: String, allows: Bool = true) {
        self.subject = subject
        self.resource = resource
        self.action = action
        self.object = object
        self.allows = allows
    }

    /// Reads a `p, ...` line; nil when it is not a well-formed one (an empty line, a comment, a `g`
    /// line, a line ``RBACPolicy/validate(configMapData:)`` would report).
    public init?(line: String) {
        guard case .rule(let rule)? = try? PolicyLine.parse(line[...]) else { return nil }
        self = rule
    }

    /// Whether the rule speaks about `action` on `object` of `resource`, its patterns read as globs
    /// in which `*` also spans `/`.
    public func covers(resource: String, action: String, object: String) -> Bool {
        CompiledRule(globs: self).matches(resource: resource, action: action, object: object)
    }
}
