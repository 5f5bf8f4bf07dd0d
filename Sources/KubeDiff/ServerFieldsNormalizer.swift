public import KubeModel

/// Drops what the API server writes on its own: identity and bookkeeping metadata, managed fields,
/// the last-applied annotation, and (by default) `status`.
public struct ServerFieldsNormalizer: Normalizer {
    /// Which objects' `status` is left out of comparisons (Argo CD's
    /// `resource.compareoptions.ignoreResourceStatusField`).
    public enum StatusComparison: String, Sendable {
        /// Ignore `status` on every object (the default: status is the cluster's, never Git's business).
        case all
        /// Ignore `status` only on CustomResourceDefinitions.
        case crd
        /// Compare `status` like any other field.
        case off
    }

    /// Metadata fields the server populates.
    static let serverMetadataFields = [
        "managedFields", "uid", "resourceVersion", "creationTimestamp", "generation", "selfLink",
        "deletionTimestamp", "deletionGracePeriodSeconds",
    ]

    /// Which objects' status is ignored.
    public var statusComparison: StatusComparison

    /// Creates a normaliser.
    public init(statusComparison: StatusComparison = .all) {
        self.statusComparison = statusComparison
    }

    public func normalize(_ object: inout JSONValue) {
        guard case .object(var members) = object else { return }
        if case .object(var metadata) = members["metadata"] {
            for field in Self.serverMetadataFields { metadata.removeValue(forKey: field) }
            if case .object(var annotations) = metadata["annotations"] {
                annotations.removeValue(forKey: WellKnownAnnotations.lastAppliedConfiguration)
                metadata["annotations"] = annotations.isEmpty ? nil : .object(annotations)
            }
            members["metadata"] = .object(metadata)
        }
        switch statusComparison {
        case .all: members.removeValue(forKey: "status")
        case .crd:
            if members["kind"]?.stringValue == "CustomResourceDefinition" { members.removeValue(forKey: "status") }
        case .off: break
        }
        object = .object(members)
    }
}
