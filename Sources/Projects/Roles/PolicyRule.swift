import Foundation
import KubeModel

/// One `p, subject, resource, action, object, effect` line of an RBAC policy (Argo CD's casbin
/// `policy.csv` form), as project roles and `argocd-rbac-cm` write them.
public struct PolicyRule: Sendable, Hashable {
    /// Who the rule is for (`proj:team-a:deployer`, `role:readonly`, a user or group).
    public var subject: String
    /// `applications`, `applicationsets`, `clusters`, `projects`, `repositories`, `logs`, `exec`, ...
    public var resource: String
    /// `get`, `create`, `update`, `delete`, `sync`, `override`, `action/...` or a glob.
    public var action: String
    /// `project/application` (or another object pattern), a glob.
    public var object: String
    /// Whether the rule allows (`allow`) or denies (`deny`).
    public var allows: Bool

    /// Reads a `p, ...` line; nil when it is not one (an empty line, a comment, a `g` line).
    public init?(line: String) {
        let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard fields.count >= 5, fields[0] == "p" else { return nil }
        subject = fields[1]
        resource = fields[2]
        action = fields[3]
        object = fields[4]
        allows = fields.count < 6 || fields[5].lowercased() != "deny"
    }

    /// Whether the rule speaks about `action` on `object` of `resource`.
    public func covers(resource: String, action: String, object: String) -> Bool {
        (self.resource == "*" || self.resource == resource)
            && Glob.projectPatternMatches(self.action, action)
            && Glob.projectPatternMatches(self.object, object)
    }
}
