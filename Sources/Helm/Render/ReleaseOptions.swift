public import GoTemplate

/// The release a chart is rendered for: `.Release.Name`, `.Release.Namespace`, and the cluster's
/// capabilities.
public struct ReleaseOptions: Sendable {
    /// The release name.
    public var name: String
    /// The release namespace.
    public var namespace: String
    /// `.Capabilities`.
    public var capabilities: Capabilities
    /// Rendering limits (template depth, output size).
    public var limits: TemplateLimits

    /// Creates options; the defaults match `helm template` without a cluster.
    public init(name: String = "release-name", namespace: String = "default", capabilities: Capabilities = .helmDefault, limits: TemplateLimits = TemplateLimits()) {
        self.name = name
        self.namespace = namespace
        self.capabilities = capabilities
        self.limits = limits
    }
}
