/// A set of named templates that can call each other, parsed once and executed any number of times,
/// concurrently if need be: Go's `*template.Template` with its associated templates.
///
/// Parsing a text adds the template named after it and every `{{define}}`/`{{block}}` in it; a later
/// definition of a name replaces an earlier one unless the later one is empty, as in Go.
public struct TemplateSet: Sendable {
    /// The name Go's root template would have (used in "no template ... associated with" errors).
    public let name: String
    /// The functions templates may call.
    public private(set) var library: FunctionLibrary
    /// The action delimiters.
    public let delimiters: (left: String, right: String)
    /// Limits applied while parsing (expression depth).
    public let limits: TemplateLimits
    private var templates: [String: ParsedTemplate] = [:]
    /// Templates parsed by ``parsingText(_:name:)``, which take precedence over `templates`: laying
    /// them over the set's templates instead of copying those keeps `tpl` cheap.
    private var overlay: [String: ParsedTemplate] = [:]
    private let textCache = TextParseCache()

    /// Creates an empty set.
    /// - Parameters:
    ///   - name: the set's name, as Go's root template name.
    ///   - library: the functions templates may call (Go's builtins are always there).
    ///   - delimiters: the action delimiters, `{{` and `}}` by default.
    ///   - limits: parse-time limits.
    public init(name: String = "", library: FunctionLibrary = FunctionLibrary(), delimiters: (left: String, right: String) = ("{{", "}}"), limits: TemplateLimits = TemplateLimits()) {
        self.name = name
        self.library = library
        self.delimiters = delimiters
        self.limits = limits
    }

    /// Parses `text` as the template `name`, adding it and the templates it defines.
    /// - Parameter stack: the stack parsing may use; nil leaves it unchecked.
    /// - Throws: ``TemplateError`` with Go's parse error message.
    public mutating func parse(_ text: String, name templateName: String, stack: StackBoundary? = nil) throws(TemplateError) {
        for (name, template) in try definitions(parsing: text, name: templateName, stack: stack) { templates[name] = template }
    }

    /// The set with `text` parsed as the template `name` in addition, as parsing it into a copy of the set
    /// would give (what Helm's `tpl` does), parsing each distinct text only once per set.
    /// - Parameter stack: the stack parsing may use; nil leaves it unchecked.
    public func parsingText(_ text: String, name templateName: String, stack: StackBoundary? = nil) throws(TemplateError) -> TemplateSet {
        let key = templateName + "\u{0}" + text
        let definitions: [String: ParsedTemplate]
        if let cached = textCache.definitions(for: key) {
            definitions = cached
        } else {
            definitions = try self.definitions(parsing: text, name: templateName, stack: stack)
            textCache.store(definitions, for: key)
        }
        var copy = self
        // A `tpl` inside a `tpl` sees the outer text's definitions too.
        copy.overlay = overlay.merging(definitions) { _, new in new }
        return copy
    }

    /// The templates `text` defines, with Go's rule that a later empty definition does not replace an
    /// existing template.
    private func definitions(parsing text: String, name templateName: String, stack: StackBoundary?) throws(TemplateError) -> [String: ParsedTemplate] {
        let source = TemplateSource(name: templateName, text: text)
        var parser = Parser(
            source: source, library: library, leftDelim: delimiters.left, rightDelim: delimiters.right, maxDepth: limits.maxExpressionDepth, stack: stack)
        do {
            try parser.parse(name: templateName)
        } catch where error.isStackExhausted {
            throw TemplateError.stack(sourceName: templateName, line: error.line, column: nil, templateName: templateName, context: nil, reason: error.message)
        } catch {
            throw TemplateError.parse(sourceName: templateName, line: error.line, reason: error.message)
        }
        var result: [String: ParsedTemplate] = [:]
        for definition in parser.definitions {
            if (result[definition.name] != nil || template(named: definition.name) != nil) && definition.root.isEmpty { continue }
            result[definition.name] = ParsedTemplate(name: definition.name, source: source, root: definition.root)
        }
        return result
    }

    /// The template of that name.
    func template(named templateName: String) -> ParsedTemplate? {
        // Outside `tpl` the overlay is empty: skip hashing the name for it.
        if !overlay.isEmpty, let template = overlay[templateName] { return template }
        return templates[templateName]
    }

    /// Whether a template of that name exists.
    public func contains(_ templateName: String) -> Bool { template(named: templateName) != nil }

    /// The names of all templates in the set.
    public var templateNames: [String] { Array(Set(templates.keys).union(overlay.keys)) }

    /// Executes the named template with `data` as dot and `$`.
    /// - Throws: ``TemplateError`` with Go's execution error message.
    public func execute(_ templateName: String, data: GoValue, options: ExecutionOptions = ExecutionOptions()) throws(TemplateError) -> String {
        guard let template = template(named: templateName) else { throw TemplateError.missingTemplate(templateName, setName: name) }
        let executor = Executor(set: self, template: template, options: options, depth: 0, budget: StepBudget(options.limits.maxSteps))
        do {
            return try executor.run(data: data)
        } catch {
            throw error.error
        }
    }
}
