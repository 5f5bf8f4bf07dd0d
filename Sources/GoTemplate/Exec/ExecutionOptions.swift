/// How a template executes.
public struct ExecutionOptions: Sendable {
    /// What missing map keys evaluate to.
    public var missingKey: MissingKeyBehavior
    /// Depth and size limits.
    public var limits: TemplateLimits

    /// Creates options; the defaults are Go's (`missingkey=default`).
    public init(missingKey: MissingKeyBehavior = .noValue, limits: TemplateLimits = TemplateLimits()) {
        self.missingKey = missingKey
        self.limits = limits
    }
}
