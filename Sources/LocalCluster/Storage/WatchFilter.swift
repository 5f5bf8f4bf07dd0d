public import KubeModel

/// Which events a watcher wants: one resource (or every resource, for in-process controllers),
/// optionally one namespace, and selectors.
public struct WatchFilter: Sendable {
    /// The resource's storage key; nil for every resource.
    public var storage: String?
    /// Only this namespace, when set.
    public var namespace: String?
    /// Only objects matching this label selector.
    public var labelSelector: LabelSelector
    /// Only objects matching this field selector.
    public var fieldSelector: FieldSelector?

    /// Creates a filter.
    public init(storage: String?, namespace: String? = nil, labelSelector: LabelSelector = LabelSelector(), fieldSelector: FieldSelector? = nil) {
        self.storage = storage
        self.namespace = namespace
        self.labelSelector = labelSelector
        self.fieldSelector = fieldSelector
    }

    /// Whether `object` at `key` passes the filter.
    public func matches(_ key: ObjectKey, _ object: StoredObject) -> Bool {
        if let storage, key.storage != storage { return false }
        if let namespace, !namespace.isEmpty, key.namespace != namespace { return false }
        guard labelSelector.matches(object.labels) else { return false }
        if let fieldSelector, !fieldSelector.requirements.isEmpty {
            return fieldSelector.matches(object.object())
        }
        return true
    }
}
