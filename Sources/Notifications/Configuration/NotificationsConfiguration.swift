import Foundation
public import KubeModel

/// The notifications configuration, read from the ConfigMap `argocd-notifications-cm` and the Secret
/// `argocd-notifications-secret` with upstream's keys: `trigger.<name>`, `template.<name>`,
/// `service.<type>[.<name>]` (`$key` references resolved from the Secret), `subscriptions`,
/// `defaultTriggers` and `context`. Upstream's catalog triggers and templates are built in.
///
/// Parts that cannot be used are skipped and listed in ``problems``; the rest works.
public struct NotificationsConfiguration: Sendable {
    /// The ConfigMap's name.
    public static let configMapName = "argocd-notifications-cm"
    /// The Secret's name.
    public static let secretName = "argocd-notifications-secret"

    /// The triggers by name.
    public var triggers: [String: Trigger] = [:]
    /// The templates by name.
    public var templates: [String: NotificationTemplate] = [:]
    /// The services by name.
    public var services: [String: NotificationService] = [:]
    /// The global subscriptions.
    public var subscriptions: [GlobalSubscription] = []
    /// The triggers of subscriptions that name none.
    public var defaultTriggers: [String] = []
    /// `.context` in templates.
    public var context: [String: String] = [:]
    /// What was skipped, and why.
    public var problems: [ConfigurationError] = []

    /// Reads the configuration; a missing ConfigMap or Secret counts as empty.
    public init(configMap: KubeObject?, secret: KubeObject?) {
        let data = configMap?.content["data"]?.objectValue?.compactMapValues(\.stringValue) ?? [:]
        var secrets: [String: String] = [:]
        for (key, value) in secret?.content["data"]?.objectValue ?? [:] {
            if let encoded = value.stringValue, let decoded = Data(base64Encoded: encoded) { secrets[key] = String(decoding: decoded, as: UTF8.self) }
        }
        for (name, yaml) in BuiltinCatalog.triggers where data["trigger.\(name)"] == nil {
            triggers[name] = Self.attempt({ () throws(ConfigurationError) in try Trigger(name: name, yaml: yaml) }, problems: &problems)
        }
        for (name, yaml) in BuiltinCatalog.templates where data["template.\(name)"] == nil {
            templates[name] = Self.attempt({ () throws(ConfigurationError) in try NotificationTemplate(name: name, yaml: yaml) }, problems: &problems)
        }
        for (key, value) in data.sorted(by: { $0.key < $1.key }) {
            do {
                try read(key: key, value: value, secrets: secrets)
            } catch {
                problems.append(error)
            }
        }
    }

    /// The result of `work`, or nil with its error added to `problems`.
    private static func attempt<T>(_ work: () throws(ConfigurationError) -> T, problems: inout [ConfigurationError]) -> T? {
        do {
            return try work()
        } catch {
            problems.append(error)
            return nil
        }
    }

    private mutating func read(key: String, value: String, secrets: [String: String]) throws(ConfigurationError) {
        if key.hasPrefix("trigger.") {
            let name = String(key.dropFirst("trigger.".count))
            triggers[name] = try Trigger(name: name, yaml: value)
        } else if key.hasPrefix("template.") {
            let name = String(key.dropFirst("template.".count))
            templates[name] = try NotificationTemplate(name: name, yaml: value)
        } else if key.hasPrefix("service.") {
            try readService(key: key, value: value, secrets: secrets)
        } else if key == "subscriptions" {
            let items = try Self.yaml(value, key: key).arrayValue ?? []
            for (position, item) in items.enumerated() {
                if let subscription = Self.attempt({ () throws(ConfigurationError) in try GlobalSubscription(item, position: position) }, problems: &problems) {
                    subscriptions.append(subscription)
                }
            }
        } else if key == "defaultTriggers" {
            defaultTriggers = (try Self.yaml(value, key: key).arrayValue ?? []).compactMap(\.stringValue)
        } else if key == "context" {
            for (name, member) in try Self.yaml(value, key: key).objectValue ?? [:] where !member.isNull {
                context[name] = member.stringValue ?? JSONWriter.string(member)
            }
        }
    }

    private mutating func readService(key: String, value: String, secrets: [String: String]) throws(ConfigurationError) {
        let parts = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 || parts.count == 3, !parts[1].isEmpty, parts.last?.isEmpty == false else {
            throw ConfigurationError(key: key, "expected `service.<type>` or `service.<type>.<name>`")
        }
        let type = parts[1], name = parts.count == 3 ? parts[2] : parts[1]
        let (options, missing) = SecretReferences.resolve(try Self.yaml(value, key: key), secrets: secrets)
        if !missing.isEmpty {
            // Only the names: the values are secret.
            problems.append(ConfigurationError(key: key, "refers to \(missing.map { "$" + $0 }.joined(separator: ", ")), not found in \(Self.secretName)"))
        }
        if options["insecureSkipVerify"]?.boolValue == true {
            problems.append(ConfigurationError(key: key, "`insecureSkipVerify` is not supported by Wharf: the server's certificate is verified"))
        }
        switch type {
        case "webhook": services[name] = .webhook(try WebhookOptions(options, key: key))
        case "slack": services[name] = .slack(try SlackOptions(options, key: key))
        default: throw ConfigurationError(key: key, "the service type '\(type)' is not supported by Wharf (webhook and slack are)")
        }
    }

    private static func yaml(_ text: String, key: String) throws(ConfigurationError) -> JSONValue {
        do {
            return try YAMLReader.read(text, source: key)
        } catch {
            throw ConfigurationError(key: key, "not valid YAML: \(error)")
        }
    }
}
