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
    private(set) var templates: [String: ParsedTemplate] = [:]

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
    /// - Throws: ``TemplateError`` with Go's parse error message.
    public mutating func parse(_ text: String, name templateName: String) throws(TemplateError) {
        let source = TemplateSource(name: templateName, text: text)
        var parser = Parser(source: source, library: library, leftDelim: delimiters.left, rightDelim: delimiters.right, maxDepth: limits.maxExpressionDepth)
        do {
            try parser.parse(name: templateName)
        } catch {
            throw TemplateError.parse(sourceName: templateName, line: error.line, reason: error.message)
        }
        for definition in parser.definitions {
            if templates[definition.name] != nil && definition.root.isEmpty { continue }
            templates[definition.name] = ParsedTemplate(name: definition.name, source: source, root: definition.root)
        }
    }

    /// Whether a template of that name exists.
    public func contains(_ templateName: String) -> Bool { templates[templateName] != nil }

    /// The names of all templates in the set.
    public var templateNames: [String] { Array(templates.keys) }

    /// Executes the named template with `data` as dot and `$`.
    /// - Throws: ``TemplateError`` with Go's execution error message.
    public func execute(_ templateName: String, data: GoValue, options: ExecutionOptions = ExecutionOptions()) throws(TemplateError) -> String {
        guard let template = templates[templateName] else { throw TemplateError.missingTemplate(templateName, setName: name) }
        let executor = Executor(set: self, template: template, options: options, depth: 0)
        do {
            return try executor.run(data: data)
        } catch {
            throw error.error
        }
    }
}
