/// Annotation keys that several Wharf modules read or write, kept in the leaf module so that no module
/// has to depend on another just for a constant.
public enum WellKnownAnnotations {
    /// The last configuration applied by client-side apply; the "original" of a three-way merge.
    public static let lastAppliedConfiguration = "kubectl.kubernetes.io/last-applied-configuration"
    /// Argo CD's resource tracking annotation (`app:group/Kind:namespace/name`).
    public static let trackingID = "argocd.argoproj.io/tracking-id"
    /// Sync wave ordering of a resource.
    public static let syncWave = "argocd.argoproj.io/sync-wave"
    /// Marks a resource as a sync hook (`PreSync`, `Sync`, `PostSync`, `SyncFail`, `Skip`).
    public static let hook = "argocd.argoproj.io/hook"
    /// When a hook resource is deleted.
    public static let hookDeletePolicy = "argocd.argoproj.io/hook-delete-policy"
    /// Per-resource sync options (`Prune=false`, `ServerSideApply=true`, ...).
    public static let syncOptions = "argocd.argoproj.io/sync-options"
    /// Per-resource compare options (`IgnoreExtraneous`, ...).
    public static let compareOptions = "argocd.argoproj.io/compare-options"
    /// Paths whose changes should regenerate an Application's manifests.
    public static let manifestGeneratePaths = "argocd.argoproj.io/manifest-generate-paths"
    /// Deployment and ReplicaSet revision number.
    public static let deploymentRevision = "deployment.kubernetes.io/revision"
    /// Kargo's stage colour.
    public static let kargoColor = "kargo.akuity.io/color"
}
