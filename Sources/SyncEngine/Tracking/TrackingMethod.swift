/// How resources are tied to the application that manages them (`application.resourceTrackingMethod`
/// in `argocd-cm`).
public enum TrackingMethod: String, Sendable {
    /// The `argocd.argoproj.io/tracking-id` annotation (upstream's default since v3).
    case annotation
    /// The instance label (`application.instanceLabelKey`, `app.kubernetes.io/instance` by default).
    case label
    /// Both; the annotation decides.
    case annotationAndLabel = "annotation+label"
}
