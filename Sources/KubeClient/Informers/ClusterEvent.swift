/// A change to any object of a cluster, with the resource it belongs to.
public struct ClusterEvent: Sendable {
    /// The object's resource.
    public var resource: APIResource
    /// What happened.
    public var event: InformerEvent
}
