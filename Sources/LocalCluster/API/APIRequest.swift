/// An HTTP request to the API, independent of the HTTP server that received it.
public struct APIRequest: Sendable {
    /// The HTTP methods the Kubernetes API uses.
    public enum Method: String, Sendable {
        case get = "GET"
        case post = "POST"
        case put = "PUT"
        case patch = "PATCH"
        case delete = "DELETE"
    }

    /// The method.
    public var method: Method
    /// The URL path, without the query.
    public var path: String
    /// Query parameters (the last value wins for repeated names).
    public var query: [String: String]
    /// The `Content-Type` header.
    public var contentType: String?
    /// The `Accept` header.
    public var accept: String?
    /// The `User-Agent` header (kubectl and client-go name the field manager from it).
    public var userAgent: String?
    /// The request body.
    public var body: [UInt8]
    /// Who sends the request; RBAC decides what any user outside `system:masters` may do. The default,
    /// ``UserInfo/loopback``, is for the cluster's own in-process callers: a server must set the user it
    /// authenticated.
    public var user: UserInfo

    /// Creates a request.
    public init(
        method: Method, path: String, query: [String: String] = [:], contentType: String? = nil, accept: String? = nil,
        userAgent: String? = nil, body: [UInt8] = [], user: UserInfo = .loopback
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.contentType = contentType
        self.accept = accept
        self.userAgent = userAgent
        self.body = body
        self.user = user
    }

    /// A boolean query parameter, read leniently (`true`, `True`, `1`), as clients send all of these.
    func flag(_ name: String) -> Bool {
        guard let value = query[name]?.lowercased() else { return false }
        return value == "true" || value == "1"
    }

    /// Whether the client asked for `dryRun=All`.
    var isDryRun: Bool { query["dryRun"] == "All" }

    /// Whether unknown fields must be refused (`fieldValidation=Strict`) rather than dropped.
    var isStrictFieldValidation: Bool { query["fieldValidation"] == "Strict" }

    /// Whether the client asked for Table output (`kubectl get`).
    var wantsTable: Bool { accept?.contains("as=Table") == true }
}
