/// A template that failed while rendering a notification.
public struct RenderError: Error, Sendable, CustomStringConvertible {
    /// The template's name (`template.<name>`).
    public let template: String
    /// The field that failed (`message`, `webhook.github.body`, ...).
    public let field: String
    /// The template engine's explanation.
    public let reason: String

    public var description: String { field.isEmpty ? "template.\(template): \(reason)" : "template.\(template) field `\(field)`: \(reason)" }
}
