public import KubeModel

/// Everything the server knows about one served resource type: how it is named in URLs and discovery,
/// whether it is namespaced, and which subresources it has.
public struct ResourceInfo: Sendable, Hashable {
    /// The API group; empty for the core group.
    public var group: String
    /// The served version.
    public var version: String
    /// The plural name used in URLs (`deployments`).
    public var resource: String
    /// The singular name (`deployment`).
    public var singular: String
    /// The kind (`Deployment`).
    public var kind: String
    /// Whether objects live in namespaces.
    public var namespaced: Bool
    /// Short names kubectl accepts (`deploy`).
    public var shortNames: [String]
    /// Discovery categories (`all` makes `kubectl get all` include it).
    public var categories: [String]
    /// Whether the `status` subresource is served.
    public var hasStatus: Bool
    /// Whether the `scale` subresource is served, with the paths of the replica fields.
    public var scale: ScaleSubresource?
    /// The verbs served, as discovery lists them; other verbs are refused with 405.
    public var verbs: [APIVerb]

    /// Paths of the replica fields behind a `scale` subresource.
    public struct ScaleSubresource: Sendable, Hashable {
        /// Path of the desired replicas (`.spec.replicas`).
        public var specReplicasPath: String
        /// Path of the observed replicas (`.status.replicas`).
        public var statusReplicasPath: String
        /// Path of the label selector string, if any.
        public var labelSelectorPath: String?

        /// The paths Deployments, ReplicaSets and StatefulSets use.
        public static let standard = ScaleSubresource(
            specReplicasPath: ".spec.replicas", statusReplicasPath: ".status.replicas", labelSelectorPath: ".status.selector")

        /// Creates scale paths.
        public init(specReplicasPath: String, statusReplicasPath: String, labelSelectorPath: String?) {
            self.specReplicasPath = specReplicasPath
            self.statusReplicasPath = statusReplicasPath
            self.labelSelectorPath = labelSelectorPath
        }
    }

    /// A custom resource's `additionalPrinterColumns`; empty for built-in kinds.
    public var printerColumns: [PrinterColumn]

    /// Creates a resource description.
    public init(
        group: String, version: String, resource: String, singular: String? = nil, kind: String, namespaced: Bool,
        shortNames: [String] = [], categories: [String] = [], hasStatus: Bool = false, scale: ScaleSubresource? = nil,
        verbs: [APIVerb] = APIVerb.allCases, printerColumns: [PrinterColumn] = []
    ) {
        self.printerColumns = printerColumns
        self.group = group
        self.version = version
        self.resource = resource
        self.singular = singular ?? kind.lowercased()
        self.kind = kind
        self.namespaced = namespaced
        self.shortNames = shortNames
        self.categories = categories
        self.hasStatus = hasStatus
        self.scale = scale
        self.verbs = verbs
    }

    /// The group, version and resource.
    public var groupVersionResource: GroupVersionResource {
        GroupVersionResource(group: group, version: version, resource: resource)
    }

    /// The group, version and kind.
    public var groupVersionKind: GroupVersionKind { GroupVersionKind(group: group, version: version, kind: kind) }

    /// `group/version`, or `version` for the core group.
    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

    /// The storage identity: one object store per group and resource, whatever the version.
    public var storageKey: String { group.isEmpty ? resource : "\(resource).\(group)" }
}
