/// How a template executes.
public struct ExecutionOptions: Sendable {
    /// What missing map keys evaluate to.
    public var missingKey: MissingKeyBehavior
    /// Depth and size limits.
    public var limits: TemplateLimits
    /// The stack execution (and `tpl`'s parsing) may use on the executing thread; nil leaves the stack
    /// unchecked.
    public var stack: StackBoundary?

    /// Creates options; the defaults are Go's (`missingkey=default`).
    public init(missingKey: MissingKeyBehavior = .noValue, limits: TemplateLimits = TemplateLimits(), stack: StackBoundary? = nil) {
        self.missingKey = missingKey
        self.limits = limits
        self.stack = stack
    }
}
