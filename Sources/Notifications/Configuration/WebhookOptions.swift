import KubeModel

/// A `service.webhook.<name>` configuration: a generic HTTP endpoint.
public struct WebhookOptions: Sendable, Equatable {
    /// A request header.
    public struct Header: Sendable, Equatable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Basic authentication credentials.
    public struct BasicAuth: Sendable, Equatable {
        public var username: String
        public var password: String
    }

    /// The base URL; a template's `path` is appended to it.
    public var url: String
    /// Headers sent with every request.
    public var headers: [Header]
    /// Basic authentication credentials, if any.
    public var basicAuth: BasicAuth?

    init(_ json: JSONValue, key: String) throws(ConfigurationError) {
        guard let url = json["url"]?.stringValue, !url.isEmpty else { throw ConfigurationError(key: key, "has no `url`") }
        self.url = url
        headers = (json["headers"]?.arrayValue ?? []).compactMap { header in
            header["name"]?.stringValue.map { Header(name: $0, value: header["value"]?.stringValue ?? "") }
        }
        if let auth = json["basicAuth"], auth.objectValue != nil {
            basicAuth = BasicAuth(username: auth["username"]?.stringValue ?? "", password: auth["password"]?.stringValue ?? "")
        }
    }
}
