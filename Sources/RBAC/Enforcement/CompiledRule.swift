/// A ``PolicyRule`` with its patterns prepared.
struct CompiledRule: Sendable {
    let resource: CompiledPattern
    let action: CompiledPattern
    let object: CompiledPattern
    let allows: Bool

    init(_ rule: PolicyRule, mode: RBACMatchMode) {
        resource = CompiledPattern(rule.resource, mode: mode)
        action = CompiledPattern(rule.action, mode: mode)
        object = CompiledPattern(rule.object, mode: mode)
        allows = rule.allows
    }

    init(globs rule: PolicyRule) {
        self.init(rule, mode: .glob)
    }

    func matches(resource: String, action: String, object: String) -> Bool {
        self.resource.matches(resource) && self.action.matches(action) && self.object.matches(object)
    }
}
