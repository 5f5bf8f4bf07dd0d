/// What a function sees of the execution that calls it: the options, the template set, and the means to
/// execute other templates within the same limits (which Helm's `include` and `tpl` need).
public final class ExecutionContext {
    private unowned let executor: Executor

    init(executor: Executor) {
        self.executor = executor
    }

    /// The options of the running execution.
    public var options: ExecutionOptions { executor.options }

    /// The template set being executed.
    public var templates: TemplateSet { executor.set }

    /// The name of the template currently executing.
    public var templateName: String { executor.currentTemplateName }

    /// Executes another template of the set and returns its output; nesting counts against
    /// ``TemplateLimits/maxTemplateDepth``.
    /// - Throws: ``TemplateError`` (Go's message for a missing template is `template: no template "x" associated with template "set"`).
    public func executeTemplate(named name: String, data: GoValue) throws(TemplateError) -> String {
        try executor.executeNested(name: name, data: data, in: executor.set)
    }

    /// Parses `text` as a template named `name` into a copy of the set (its definitions visible only
    /// there) and executes it: what Helm's `tpl` does.
    /// - Throws: ``TemplateError`` from parsing or executing.
    public func execute(text: String, name: String, data: GoValue) throws(TemplateError) -> String {
        try executor.executeNested(name: name, data: data, in: executor.set.parsingText(text, name: name, stack: executor.options.stack))
    }

    /// Fails when a result of `count` bytes would exceed ``TemplateLimits/maxOutputBytes``.
    public func checkSize(_ count: Int) throws(GoFunctionError) {
        if count > executor.options.limits.maxOutputBytes {
            throw GoFunctionError("result of \(count) bytes exceeds the limit of \(executor.options.limits.maxOutputBytes) bytes")
        }
    }
}
