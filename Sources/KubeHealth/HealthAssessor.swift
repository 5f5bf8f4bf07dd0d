public import KubeModel

/// Assesses the health of Kubernetes objects with Argo CD's (gitops-engine's) built-in rules, and
/// combines resource health into application health.
///
/// Checks are registered by group and kind, whatever the API version; adding a kind is adding one
/// file under `Checks/` and one entry in ``checks``.
public enum HealthAssessor {
    /// A health check: the health of one object, or nil when it has no opinion.
    typealias Check = @Sendable (JSONValue) -> HealthStatus?

    /// The finalizer the sync engine keeps on hook resources until it has read their outcome;
    /// such a hook being deleted is still assessed, so a finished hook does not look Progressing.
    static let hookFinalizer = "argocd.argoproj.io/hook-finalizer"

    /// The built-in checks, keyed as upstream keys them.
    static let checks: [GroupKind: Check] = [
        GroupKind(group: "apps", kind: "Deployment"): DeploymentHealth.assess,
        GroupKind(group: "apps", kind: "StatefulSet"): StatefulSetHealth.assess,
        GroupKind(group: "apps", kind: "ReplicaSet"): ReplicaSetHealth.assess,
        GroupKind(group: "apps", kind: "DaemonSet"): DaemonSetHealth.assess,
        GroupKind(group: "extensions", kind: "Ingress"): IngressHealth.assess,
        GroupKind(group: "networking.k8s.io", kind: "Ingress"): IngressHealth.assess,
        GroupKind(group: "", kind: "Service"): ServiceHealth.assess,
        GroupKind(group: "", kind: "PersistentVolumeClaim"): PersistentVolumeClaimHealth.assess,
        GroupKind(group: "", kind: "Pod"): PodHealth.assess,
        GroupKind(group: "batch", kind: "Job"): JobHealth.assess,
        GroupKind(group: "batch", kind: "CronJob"): CronJobHealth.assess,
        GroupKind(group: "autoscaling", kind: "HorizontalPodAutoscaler"): HorizontalPodAutoscalerHealth.assess,
        GroupKind(group: "apiregistration.k8s.io", kind: "APIService"): APIServiceHealth.assess,
        GroupKind(group: "argoproj.io", kind: "Application"): ArgoApplicationHealth.assess,
        GroupKind(group: "argoproj.io", kind: "Workflow"): ArgoWorkflowHealth.assess,
    ]

    /// The health of a live object, or nil when no check applies (a ConfigMap, a Secret, a custom
    /// resource without a `Ready` or `Available` condition): such resources have no health and do
    /// not count towards their application's.
    ///
    /// An object whose deletion has begun is Progressing ("Pending deletion") whatever its kind,
    /// unless it is a hook the sync engine still holds with its finalizer.
    public static func health(of object: JSONValue) -> HealthStatus? {
        let finalizers = object[path: ["metadata", "finalizers"]]?.arrayValue?.compactMap(\.stringValue) ?? []
        if object[path: ["metadata", "deletionTimestamp"]] != nil, !finalizers.contains(hookFinalizer) {
            return HealthStatus(.progressing, message: "Pending deletion")
        }
        let groupKind = GroupVersionKind(apiVersion: object.string(at: "apiVersion"), kind: object.string(at: "kind")).groupKind
        if let check = checks[groupKind] { return check(object) }
        guard isCustomGroup(groupKind.group) else { return nil }
        return ConditionsHealth.assess(object)
    }

    /// The health of an application from the health of its resources: the worst wins, in the order
    /// of ``HealthStatusCode``, and an application with nothing to assess is Healthy.
    ///
    /// Pass only resources that have health: leave out those for which ``health(of:)`` is nil, hooks,
    /// and — as upstream — resources that are Missing from the cluster but whose kind has no health
    /// check, and child Applications that are Missing or Unknown. A Missing resource that does count
    /// ranks above Progressing and below Degraded.
    public static func aggregate(_ statuses: [HealthStatusCode]) -> HealthStatusCode {
        statuses.max() ?? .healthy
    }

    /// Whether a missing resource of this kind counts towards its application's health: only kinds
    /// with a built-in check do (upstream leaves out a missing ConfigMap, which has no health at all).
    public static func missingCounts(group: String, kind: String) -> Bool {
        checks[GroupKind(group: group, kind: kind)] != nil
    }

    /// Whether a group belongs to a custom resource rather than to Kubernetes itself (the core group,
    /// the dotless built-in groups such as `apps` and `batch`, and the `*.k8s.io` groups), so that the
    /// generic conditions check never gives health to a built-in kind upstream leaves without one.
    private static func isCustomGroup(_ group: String) -> Bool {
        group.contains(".") && !group.hasSuffix(".k8s.io")
    }
}
