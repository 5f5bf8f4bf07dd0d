public import KubeModel
public import RBAC

/// One of an AppProject's `roles`: policies over the project's applications, OIDC groups bound to
/// it, and the JWT tokens issued for it.
public struct ProjectRole: Sendable {
    /// The role name (the subject is `proj:<project>:<name>`).
    public var name: String
    /// Free text.
    public var description: String
    /// The role's `p, ...` lines as written.
    public var policies: [String]
    /// OIDC groups that hold the role.
    public var groups: [String]
    /// The tokens issued and not revoked.
    public var tokens: [ProjectTokenRecord]

    /// A role read from an entry of `spec.roles`.
    public init(_ json: JSONValue) {
        name = json["name"]?.stringValue ?? ""
        description = json["description"]?.stringValue ?? ""
        policies = (json["policies"]?.arrayValue ?? []).compactMap(\.stringValue)
        groups = (json["groups"]?.arrayValue ?? []).compactMap(\.stringValue)
        tokens = (json["jwtTokens"]?.arrayValue ?? []).compactMap(ProjectTokenRecord.init)
    }

    /// The subject policies name the role by.
    public static func subject(project: String, role: String) -> String {
        "proj:\(project):\(role)"
    }

    /// The role's rules that apply to it (a policy naming another subject is ignored, as upstream
    /// ignores it), and only those about the project's own objects.
    public func rules(project: String) -> [PolicyRule] {
        let subject = Self.subject(project: project, role: name)
        return policies.compactMap(PolicyRule.init(line:)).filter { $0.subject == subject && $0.object.hasPrefix("\(project)/") }
    }

    /// Whether the role may do `action` on `object` (`project/app`) of `resource`: some rule allows
    /// it and none denies it.
    public func allows(project: String, resource: String, action: String, object: String) -> Bool {
        let matching = rules(project: project).filter { $0.covers(resource: resource, action: action, object: object) }
        return !matching.isEmpty && matching.allSatisfy(\.allows)
    }
}
