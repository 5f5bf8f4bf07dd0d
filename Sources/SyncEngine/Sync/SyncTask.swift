import Foundation
public import KubeModel

/// One step of a sync: apply a desired object (a resource or a hook), or prune a live one.
public struct SyncTask: Sendable, Equatable {
    /// The resource.
    public var key: ResourceKey
    /// The phase it runs in.
    public var phase: SyncPhase
    /// Its wave (`argocd.argoproj.io/sync-wave`, 0 by default).
    public var wave: Int
    /// What to apply; nil for a prune.
    public var target: KubeObject?
    /// The live object, if any.
    public var live: KubeObject?
    /// Whether this is a hook (created for the phase, not a tracked resource).
    public var isHook: Bool
    /// The effective sync options for this resource.
    public var options: SyncOptions

    /// Whether this task deletes a resource that left Git.
    public var isPrune: Bool { target == nil }

    /// The object the task is about.
    public var object: KubeObject { (target ?? live)! }

    /// The wave an object asks for.
    public static func wave(of object: KubeObject) -> Int {
        object.annotation(WellKnownAnnotations.syncWave).flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 0
    }

    /// Upstream's order of kinds within a wave; kinds not listed come after these, by name.
    static let kindOrder: [String: Int] = {
        let kinds = [
            "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange", "PodSecurityPolicy", "PodDisruptionBudget", "ServiceAccount", "Secret",
            "SecretList", "ConfigMap", "StorageClass", "PersistentVolume", "PersistentVolumeClaim", "CustomResourceDefinition", "ClusterRole",
            "ClusterRoleList", "ClusterRoleBinding", "ClusterRoleBindingList", "Role", "RoleList", "RoleBinding", "RoleBindingList", "Service",
            "DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "Deployment", "HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob",
            "IngressClass", "Ingress", "APIService",
        ]
        return Dictionary(uniqueKeysWithValues: kinds.enumerated().map { ($1, $0) })
    }()

    /// Whether `self` runs before `other`: by phase, then wave, then kind, then name.
    public func runsBefore(_ other: SyncTask) -> Bool {
        if phase != other.phase { return phase < other.phase }
        if wave != other.wave { return wave < other.wave }
        let rank = Self.kindOrder[key.kind] ?? Self.kindOrder.count, otherRank = Self.kindOrder[other.key.kind] ?? Self.kindOrder.count
        if rank != otherRank { return rank < otherRank }
        return key.name < other.key.name
    }
}
