/// A template that failed to parse or to execute, with Go's message and its parts.
///
/// `description` is exactly Go's error text, e.g.
/// `template: chart/templates/a.yaml:3:9: executing "chart/templates/a.yaml" at <.Values.a.b>: nil pointer evaluating interface {}.b`
/// or `template: chart/templates/a.yaml:3: unexpected "}" in operand`; the parts let callers word it
/// their own way (Helm v4 prints location, context and reason on separate lines).
public struct TemplateError: Error, CustomStringConvertible, Sendable {
    private enum Code: Sendable {
        case parse
        case execution
        case limit
        case stack
        case missingTemplate
    }

    private let code: Code
    /// The name of the source the error is in (Go's `ParseName`: the file the node was parsed from).
    public let sourceName: String
    /// The 1-based line, when known.
    public let line: Int?
    /// The byte column within the line (as Go counts it), for execution errors.
    public let column: Int?
    /// The template that was executing, for execution errors.
    public let templateName: String?
    /// The source of the node being evaluated (`.Values.a.b`), for execution errors.
    public let context: String?
    /// The reason alone, without location, e.g. `nil pointer evaluating interface {}.b`.
    public let reason: String

    /// Whether the template failed to parse (as opposed to failing while executing).
    public var isParseError: Bool { code == .parse }

    /// Whether execution stopped at one of the ``TemplateLimits`` (depth, output size, steps) rather
    /// than at an error of the template's own.
    /// Stopping at the ``StackBoundary`` counts as one.
    public var isLimitExceeded: Bool { code == .limit || code == .stack }

    /// Whether parsing or execution stopped at the ``StackBoundary``: a thread with a larger stack may
    /// succeed.
    public var isStackExhausted: Bool { code == .stack }

    public var description: String {
        switch code {
        case .parse:
            return "template: \(sourceName):\(line ?? 0): \(reason)"
        case .missingTemplate:
            return reason
        case .execution, .limit, .stack:
            guard let line, let column, let context, let templateName else {
                return "template: \(templateName ?? sourceName): \(reason)"
            }
            return "template: \(sourceName):\(line):\(column): executing \(GoQuote.quote(templateName)) at <\(context)>: \(reason)"
        }
    }

    static func parse(sourceName: String, line: Int, reason: String) -> TemplateError {
        TemplateError(code: .parse, sourceName: sourceName, line: line, column: nil, templateName: nil, context: nil, reason: reason)
    }

    static func execution(sourceName: String, line: Int?, column: Int?, templateName: String, context: String?, reason: String) -> TemplateError {
        TemplateError(code: .execution, sourceName: sourceName, line: line, column: column, templateName: templateName, context: context, reason: reason)
    }

    static func limit(sourceName: String, line: Int?, column: Int?, templateName: String, context: String?, reason: String) -> TemplateError {
        TemplateError(code: .limit, sourceName: sourceName, line: line, column: column, templateName: templateName, context: context, reason: reason)
    }

    static func stack(sourceName: String, line: Int?, column: Int?, templateName: String, context: String?, reason: String) -> TemplateError {
        TemplateError(code: .stack, sourceName: sourceName, line: line, column: column, templateName: templateName, context: context, reason: reason)
    }

    static func missingTemplate(_ name: String, setName: String) -> TemplateError {
        TemplateError(
            code: .missingTemplate, sourceName: setName, line: nil, column: nil, templateName: nil, context: nil,
            reason: "template: no template \(GoQuote.quote(name)) associated with template \(GoQuote.quote(setName))")
    }
}
