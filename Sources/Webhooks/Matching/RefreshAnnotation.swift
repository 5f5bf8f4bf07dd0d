public import KubeModel

/// The annotation that asks the application controller to refresh an Application, which is how the
/// API server acts on a webhook (upstream sets it with a merge patch, just like `argocd app get
/// --refresh`). The controller removes it once the refresh is done.
public enum RefreshAnnotation {
    /// `argocd.argoproj.io/refresh`.
    public static let key = "argocd.argoproj.io/refresh"
    /// A normal refresh: compare again, reusing cached manifests for unchanged revisions.
    public static let normal = "normal"

    /// The JSON merge patch that requests a normal refresh, as a webhook does.
    public static var normalRefreshPatch: JSONValue {
        ["metadata": ["annotations": [key: .string(normal)]]]
    }
}
