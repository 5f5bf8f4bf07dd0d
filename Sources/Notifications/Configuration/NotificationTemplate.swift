import GoTemplate
import KubeModel

/// A named notification template (`template.<name>`): a `message` and service-specific parts,
/// every field a Go text/template with `.app`, `.context`, `.serviceType` and `.recipient`.
///
/// The parts of services Wharf does not send to (email, teams, ...) are accepted and ignored.
public struct NotificationTemplate: Sendable {
    /// The template's name.
    public let name: String
    /// The parsed fields, named `message`, `webhook.<service>.body`, `webhook.<service>.path`,
    /// `slack.attachments`, ...
    let set: TemplateSet
    /// The HTTP method of each webhook part, by webhook service name.
    let webhookMethods: [String: String]
    /// Whether the template has a Slack part.
    let hasSlack: Bool

    /// Reads and parses a template from its YAML.
    public init(name: String, yaml: String) throws(ConfigurationError) {
        let key = "template.\(name)"
        let document: JSONValue
        do {
            document = try YAMLReader.read(yaml, source: key)
        } catch {
            throw ConfigurationError(key: key, "not valid YAML: \(error)")
        }
        guard document.objectValue != nil || document.isNull else { throw ConfigurationError(key: key, "is a \(document.typeName), not a map") }
        var set = TemplateSet(name: name, library: .sprig)
        func parse(_ text: String?, _ field: String) throws(ConfigurationError) {
            do {
                try set.parse(text ?? "", name: field)
            } catch {
                throw ConfigurationError(key: key, "field `\(field)` is not a valid template: \(error)")
            }
        }
        try parse(document["message"]?.stringValue, "message")
        var webhookMethods: [String: String] = [:]
        for (service, part) in document["webhook"]?.objectValue ?? [:] {
            try parse(part["path"]?.stringValue, "webhook.\(service).path")
            try parse(part["body"]?.stringValue, "webhook.\(service).body")
            webhookMethods[service] = part["method"]?.stringValue ?? ""
        }
        hasSlack = document["slack"]?.objectValue != nil
        if hasSlack {
            for field in ["attachments", "blocks", "username", "icon"] { try parse(document[path: ["slack", field]]?.stringValue, "slack.\(field)") }
        }
        self.name = name
        self.webhookMethods = webhookMethods
        self.set = set
    }
}
