/// A request aimed at a resource collection or one object: which resource, namespace, name and subresource.
public struct ResourceRequest: Sendable {
    /// The resource type.
    public var info: ResourceInfo
    /// The namespace from the URL (empty for cluster-scoped resources or all-namespace lists).
    public var namespace: String
    /// The object name, for requests on one object.
    public var name: String?
    /// The subresource (`status`, `scale`, `finalize`), if any.
    public var subresource: String?
}
