import KubeModel

/// The RBAC settings of `argocd-rbac-cm`: the user-defined rules and role assignments, the role every
/// caller holds, the token claims that carry groups, and how patterns match. The built-in roles
/// (``builtin``) are not part of it; ``RBACEnforcer`` always adds them.
public struct RBACPolicy: Sendable {
    /// The ConfigMap the settings live in.
    public static let configMapName = "argocd-rbac-cm"
    /// Claims read for groups when `scopes` is not set.
    public static let defaultScopes = ["groups"]

    /// The `p` lines, in key order (see ``policyKeys(in:)``) and line order.
    public var rules: [PolicyRule]
    /// The `g` lines, in the same order.
    public var roleAssignments: [RoleAssignment]
    /// `policy.default`: the role every caller holds (e.g. `role:readonly`); nil when unset.
    public var defaultRole: String?
    /// `scopes`: the token claims whose values are the caller's groups.
    public var scopes: [String]
    /// `policy.matchMode`.
    public var matchMode: RBACMatchMode
    /// Everything that was wrong; the lines and settings concerned were left out or defaulted.
    public var problems: [RBACPolicyError]

    /// Settings given directly.
    public init(
        rules: [PolicyRule] = [], roleAssignments: [RoleAssignment] = [], defaultRole: String? = nil,
        scopes: [String] = defaultScopes, matchMode: RBACMatchMode = .glob
    ) {
        self.rules = rules
        self.roleAssignments = roleAssignments
        self.defaultRole = defaultRole
        self.scopes = scopes
        self.matchMode = matchMode
        problems = []
    }

    /// Settings read from the ConfigMap's `data`. Malformed lines are left out and reported in
    /// ``problems``; the other lines apply.
    public init(configMapData data: [String: String]) {
        self.init()
        let mode = data["policy.matchMode"]?.trimmed ?? ""
        switch mode {
        case "", "glob": matchMode = .glob
        case "regex": matchMode = .regex
        default: problems.append(RBACPolicyError(key: "policy.matchMode", .unknownMatchMode(mode)))
        }
        if let role = data["policy.default"]?.trimmed, !role.isEmpty { defaultRole = role }
        if let text = data["scopes"], !text.trimmed.isEmpty {
            if let names = Self.claimNames(text) {
                scopes = names
            } else {
                problems.append(RBACPolicyError(key: "scopes", .scopesNotAList))
            }
        }
        for key in Self.policyKeys(in: data) {
            read(data[key] ?? "", key: key)
        }
    }

    /// The problems ``init(configMapData:)`` finds, for a `validate` command or an admission check.
    public static func validate(configMapData data: [String: String]) -> [RBACPolicyError] {
        RBACPolicy(configMapData: data).problems
    }

    /// The keys holding policy lines, in the order upstream concatenates them: `policy.csv`, then
    /// every other `policy.<name>.csv` sorted by key.
    public static func policyKeys(in data: [String: String]) -> [String] {
        let overlays = data.keys.filter { $0.hasPrefix("policy.") && $0.hasSuffix(".csv") && $0 != "policy.csv" }.sorted()
        return (data["policy.csv"] == nil ? [] : ["policy.csv"]) + overlays
    }

    private mutating func read(_ text: String, key: String) {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            do throws(PolicyIssue) {
                switch try PolicyLine.parse(line) {
                case .rule(let rule)?:
                    try checkPatterns(of: rule)
                    rules.append(rule)
                case .assignment(let assignment)?:
                    roleAssignments.append(assignment)
                case nil:
                    continue
                }
            } catch {
                problems.append(RBACPolicyError(key: key, line: index + 1, error))
            }
        }
    }

    /// Catches in advance what upstream only finds when a request reaches the rule.
    private func checkPatterns(of rule: PolicyRule) throws(PolicyIssue) {
        guard matchMode == .regex else { return }
        for pattern in [rule.resource, rule.action, rule.object] where !CompiledPattern.isValidRegex(pattern) {
            throw .invalidRegex(pattern)
        }
    }

    /// The names of a YAML list of strings; nil for anything else.
    private static func claimNames(_ text: String) -> [String]? {
        guard let list = try? YAMLReader.read(text).arrayValue else { return nil }
        let names = list.compactMap(\.stringValue)
        return names.count == list.count ? names : nil
    }
}
