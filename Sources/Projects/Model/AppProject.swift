public import KubeModel

/// An `argoproj.io/v1alpha1` AppProject as the controllers enforce it: which sources, destinations
/// and kinds its applications may use, its sync windows, roles and service accounts. Read from the
/// object; the object itself stays whole wherever it is written back.
public struct AppProject: Sendable {
    /// The project name.
    public var name: String
    /// Repository URL patterns (`!` denies).
    public var sourceRepos: [String]
    /// Namespaces (patterns) whose Applications may use the project, besides the control namespace.
    public var sourceNamespaces: [String]
    /// Allowed destinations (patterns, `!` denies).
    public var destinations: [ProjectDestination]
    /// Cluster-scoped kinds allowed (none when empty).
    public var clusterResourceWhitelist: [GroupKindPattern]
    /// Cluster-scoped kinds refused.
    public var clusterResourceBlacklist: [GroupKindPattern]
    /// Namespaced kinds allowed (all when empty).
    public var namespaceResourceWhitelist: [GroupKindPattern]
    /// Namespaced kinds refused.
    public var namespaceResourceBlacklist: [GroupKindPattern]
    /// Whether and how orphaned resources are reported; nil: not at all.
    public var orphanedResources: OrphanedResourcesPolicy?
    /// The roles.
    public var roles: [ProjectRole]
    /// The sync windows.
    public var syncWindows: [SyncWindow]
    /// Service accounts to impersonate per destination.
    public var destinationServiceAccounts: [DestinationServiceAccount]

    /// The project `object` describes.
    public init(object: KubeObject) {
        let spec = object["spec"] ?? .emptyObject
        func strings(_ key: String) -> [String] { (spec[key]?.arrayValue ?? []).compactMap(\.stringValue) }
        func kinds(_ key: String) -> [GroupKindPattern] { (spec[key]?.arrayValue ?? []).map(GroupKindPattern.init) }
        name = object.name
        sourceRepos = strings("sourceRepos")
        sourceNamespaces = strings("sourceNamespaces")
        destinations = (spec["destinations"]?.arrayValue ?? []).map(ProjectDestination.init)
        clusterResourceWhitelist = kinds("clusterResourceWhitelist")
        clusterResourceBlacklist = kinds("clusterResourceBlacklist")
        namespaceResourceWhitelist = kinds("namespaceResourceWhitelist")
        namespaceResourceBlacklist = kinds("namespaceResourceBlacklist")
        orphanedResources = spec["orphanedResources"].flatMap { $0.isNull ? nil : OrphanedResourcesPolicy($0) }
        roles = (spec["roles"]?.arrayValue ?? []).map(ProjectRole.init)
        syncWindows = (spec["syncWindows"]?.arrayValue ?? []).enumerated().map { SyncWindow($1, index: $0) }
        destinationServiceAccounts = (spec["destinationServiceAccounts"]?.arrayValue ?? []).map(DestinationServiceAccount.init)
    }

    /// What is wrong in the project's spec, each naming the field.
    public var problems: [String] {
        syncWindows.compactMap(\.problem).map { "AppProject \(name): \($0)" }
    }
}
