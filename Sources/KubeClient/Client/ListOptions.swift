/// What a list (or the list an informer starts from) selects, and how it pages.
public struct ListOptions: Sendable {
    /// A label selector in kubectl's syntax (`app=web,tier!=db`).
    public var labelSelector: String?
    /// A field selector (`metadata.name=x`, `status.phase!=Running`).
    public var fieldSelector: String?
    /// The page size; nil asks for everything at once.
    public var limit: Int?
    /// The `continue` token of the previous page.
    public var continueToken: String?
    /// `resourceVersion`: `"0"` allows a cached answer; nil asks for the latest.
    public var resourceVersion: String?

    /// Creates options; the defaults list everything, consistently.
    public init(labelSelector: String? = nil, fieldSelector: String? = nil, limit: Int? = nil, continueToken: String? = nil, resourceVersion: String? = nil) {
        self.labelSelector = labelSelector
        self.fieldSelector = fieldSelector
        self.limit = limit
        self.continueToken = continueToken
        self.resourceVersion = resourceVersion
    }

    var query: [(String, String)] {
        var query: [(String, String)] = []
        if let labelSelector, !labelSelector.isEmpty { query.append(("labelSelector", labelSelector)) }
        if let fieldSelector, !fieldSelector.isEmpty { query.append(("fieldSelector", fieldSelector)) }
        if let limit { query.append(("limit", String(limit))) }
        if let continueToken { query.append(("continue", continueToken)) }
        if let resourceVersion { query.append(("resourceVersion", resourceVersion)) }
        return query
    }
}
