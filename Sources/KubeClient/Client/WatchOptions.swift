/// What a watch follows and from where.
public struct WatchOptions: Sendable {
    /// Start after this version (the list's `resourceVersion`); nil starts with synthetic ADDED events
    /// for every existing object.
    public var resourceVersion: String?
    /// A label selector.
    public var labelSelector: String?
    /// A field selector.
    public var fieldSelector: String?
    /// When the server should end the watch; the caller then watches again from the last version seen.
    public var timeoutSeconds: Int?
    /// Ask for BOOKMARK events, which advance the version without a change, so that a re-watch after
    /// a quiet period does not start from a version the server has forgotten.
    public var allowBookmarks: Bool

    /// Creates options.
    public init(
        resourceVersion: String? = nil, labelSelector: String? = nil, fieldSelector: String? = nil, timeoutSeconds: Int? = nil,
        allowBookmarks: Bool = true
    ) {
        self.resourceVersion = resourceVersion
        self.labelSelector = labelSelector
        self.fieldSelector = fieldSelector
        self.timeoutSeconds = timeoutSeconds
        self.allowBookmarks = allowBookmarks
    }

    var query: [(String, String)] {
        var query: [(String, String)] = [("watch", "true")]
        if let resourceVersion { query.append(("resourceVersion", resourceVersion)) }
        if let labelSelector, !labelSelector.isEmpty { query.append(("labelSelector", labelSelector)) }
        if let fieldSelector, !fieldSelector.isEmpty { query.append(("fieldSelector", fieldSelector)) }
        if let timeoutSeconds { query.append(("timeoutSeconds", String(timeoutSeconds))) }
        if allowBookmarks { query.append(("allowWatchBookmarks", "true")) }
        return query
    }
}
