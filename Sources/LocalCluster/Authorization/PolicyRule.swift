import KubeModel

/// One rule of a Role or ClusterRole (`rbac.authorization.k8s.io/v1` PolicyRule), matched as
/// Kubernetes' RBAC authorizer matches it.
struct PolicyRule: Sendable, Equatable {
    var verbs: [String]
    var apiGroups: [String] = []
    var resources: [String] = []
    var resourceNames: [String] = []
    var nonResourceURLs: [String] = []

    /// The rules of a Role or ClusterRole object; malformed entries are skipped, as they grant nothing.
    static func rules(of role: JSONValue) -> [PolicyRule] {
        (role["rules"]?.arrayValue ?? []).map { rule in
            func strings(_ field: String) -> [String] { (rule[field]?.arrayValue ?? []).compactMap(\.stringValue) }
            return PolicyRule(
                verbs: strings("verbs"), apiGroups: strings("apiGroups"), resources: strings("resources"),
                resourceNames: strings("resourceNames"), nonResourceURLs: strings("nonResourceURLs"))
        }
    }

    /// Whether the rule allows the request.
    func allows(_ request: AuthorizationAttributes) -> Bool {
        guard verbs.contains("*") || verbs.contains(request.verb) else { return false }
        guard request.isResourceRequest else { return nonResourceURLMatches(request.path) }
        return (apiGroups.contains("*") || apiGroups.contains(request.apiGroup))
            && resourceMatches(request.resource, subresource: request.subresource)
            && (resourceNames.isEmpty || resourceNames.contains(request.name))
    }

    /// `*`, the exact `resource` or `resource/subresource`, or `*/subresource`.
    private func resourceMatches(_ resource: String, subresource: String) -> Bool {
        let combined = subresource.isEmpty ? resource : "\(resource)/\(subresource)"
        return resources.contains { rule in
            rule == "*" || rule == combined || (!subresource.isEmpty && rule == "*/\(subresource)")
        }
    }

    /// `*`, the exact path, or a prefix ending in `*`.
    private func nonResourceURLMatches(_ path: String) -> Bool {
        nonResourceURLs.contains { rule in
            guard rule != "*", rule != path else { return true }
            guard rule.hasSuffix("*") else { return false }
            var prefix = Substring(rule)
            while prefix.hasSuffix("*") { prefix = prefix.dropLast() }
            return path.hasPrefix(prefix)
        }
    }
}
