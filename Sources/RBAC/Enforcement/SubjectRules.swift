/// Every rule one subject holds, directly or through its roles, filed by resource so that a request
/// looks only at rules that can concern it, denials first.
struct SubjectRules: Sendable {
    /// For each literal resource, its rules and the rules with a resource pattern.
    private let byResource: [String: [CompiledRule]]
    /// The rules with a resource pattern, for resources no rule names literally.
    private let patterned: [CompiledRule]

    init(_ rules: [CompiledRule]) {
        let denialsFirst = rules.filter { !$0.allows } + rules.filter(\.allows)
        patterned = denialsFirst.filter { $0.resource.literalText == nil }
        var byResource: [String: [CompiledRule]] = [:]
        for rule in denialsFirst {
            if let resource = rule.resource.literalText { byResource[resource, default: []].append(rule) }
        }
        let patterned = patterned
        self.byResource = byResource.mapValues { literal in
            literal.filter { !$0.allows } + patterned.filter { !$0.allows } + literal.filter(\.allows) + patterned.filter(\.allows)
        }
    }

    /// Whether some rule allows the request and none denies it.
    func allow(resource: String, action: String, object: String) -> Bool {
        // Denials come first, so the first rule that matches decides.
        for rule in byResource[resource] ?? patterned where rule.matches(resource: resource, action: action, object: object) {
            return rule.allows
        }
        return false
    }
}
