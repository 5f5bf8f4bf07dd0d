/// The built-in resource types the embedded cluster serves, as Kubernetes 1.32 names them in discovery.
enum BuiltinResources {
    private static let all = ["all"]

    /// `kubectl auth can-i`: may the requesting user do this?
    static let selfSubjectAccessReviews = ResourceInfo(
        group: "authorization.k8s.io", version: "v1", resource: "selfsubjectaccessreviews", kind: "SelfSubjectAccessReview", namespaced: false,
        verbs: [.create])
    /// `kubectl auth can-i --list`: what may the requesting user do in a namespace?
    static let selfSubjectRulesReviews = ResourceInfo(
        group: "authorization.k8s.io", version: "v1", resource: "selfsubjectrulesreviews", kind: "SelfSubjectRulesReview", namespaced: false,
        verbs: [.create])
    /// `kubectl auth whoami`: who is the requesting user?
    static let selfSubjectReviews = ResourceInfo(
        group: "authentication.k8s.io", version: "v1", resource: "selfsubjectreviews", kind: "SelfSubjectReview", namespaced: false,
        verbs: [.create])

    static let list: [ResourceInfo] = [
        // core/v1
        ResourceInfo(group: "", version: "v1", resource: "namespaces", kind: "Namespace", namespaced: false, shortNames: ["ns"], hasStatus: true),
        ResourceInfo(group: "", version: "v1", resource: "pods", kind: "Pod", namespaced: true, shortNames: ["po"], categories: all, hasStatus: true),
        ResourceInfo(group: "", version: "v1", resource: "services", kind: "Service", namespaced: true, shortNames: ["svc"], categories: all, hasStatus: true),
        ResourceInfo(group: "", version: "v1", resource: "endpoints", singular: "endpoints", kind: "Endpoints", namespaced: true, shortNames: ["ep"]),
        ResourceInfo(group: "", version: "v1", resource: "configmaps", kind: "ConfigMap", namespaced: true, shortNames: ["cm"]),
        ResourceInfo(group: "", version: "v1", resource: "secrets", kind: "Secret", namespaced: true),
        ResourceInfo(group: "", version: "v1", resource: "serviceaccounts", kind: "ServiceAccount", namespaced: true, shortNames: ["sa"]),
        ResourceInfo(group: "", version: "v1", resource: "persistentvolumeclaims", kind: "PersistentVolumeClaim", namespaced: true, shortNames: ["pvc"], hasStatus: true),
        ResourceInfo(group: "", version: "v1", resource: "persistentvolumes", kind: "PersistentVolume", namespaced: false, shortNames: ["pv"], hasStatus: true),
        ResourceInfo(group: "", version: "v1", resource: "events", kind: "Event", namespaced: true, shortNames: ["ev"]),
        ResourceInfo(group: "", version: "v1", resource: "nodes", kind: "Node", namespaced: false, shortNames: ["no"], hasStatus: true),
        ResourceInfo(group: "", version: "v1", resource: "replicationcontrollers", kind: "ReplicationController", namespaced: true, shortNames: ["rc"], categories: all, hasStatus: true, scale: .standard),
        ResourceInfo(group: "", version: "v1", resource: "limitranges", kind: "LimitRange", namespaced: true, shortNames: ["limits"]),
        ResourceInfo(group: "", version: "v1", resource: "resourcequotas", kind: "ResourceQuota", namespaced: true, shortNames: ["quota"], hasStatus: true),
        // apps/v1
        ResourceInfo(group: "apps", version: "v1", resource: "deployments", kind: "Deployment", namespaced: true, shortNames: ["deploy"], categories: all, hasStatus: true, scale: .standard),
        ResourceInfo(group: "apps", version: "v1", resource: "replicasets", kind: "ReplicaSet", namespaced: true, shortNames: ["rs"], categories: all, hasStatus: true, scale: .standard),
        ResourceInfo(group: "apps", version: "v1", resource: "statefulsets", kind: "StatefulSet", namespaced: true, shortNames: ["sts"], categories: all, hasStatus: true, scale: .standard),
        ResourceInfo(group: "apps", version: "v1", resource: "daemonsets", kind: "DaemonSet", namespaced: true, shortNames: ["ds"], categories: all, hasStatus: true),
        ResourceInfo(group: "apps", version: "v1", resource: "controllerrevisions", kind: "ControllerRevision", namespaced: true),
        // batch/v1
        ResourceInfo(group: "batch", version: "v1", resource: "jobs", kind: "Job", namespaced: true, categories: all, hasStatus: true),
        ResourceInfo(group: "batch", version: "v1", resource: "cronjobs", kind: "CronJob", namespaced: true, shortNames: ["cj"], categories: all, hasStatus: true),
        // networking.k8s.io/v1
        ResourceInfo(group: "networking.k8s.io", version: "v1", resource: "ingresses", kind: "Ingress", namespaced: true, shortNames: ["ing"], hasStatus: true),
        ResourceInfo(group: "networking.k8s.io", version: "v1", resource: "ingressclasses", kind: "IngressClass", namespaced: false),
        ResourceInfo(group: "networking.k8s.io", version: "v1", resource: "networkpolicies", kind: "NetworkPolicy", namespaced: true, shortNames: ["netpol"]),
        // rbac.authorization.k8s.io/v1
        ResourceInfo(group: "rbac.authorization.k8s.io", version: "v1", resource: "roles", kind: "Role", namespaced: true),
        ResourceInfo(group: "rbac.authorization.k8s.io", version: "v1", resource: "rolebindings", kind: "RoleBinding", namespaced: true),
        ResourceInfo(group: "rbac.authorization.k8s.io", version: "v1", resource: "clusterroles", kind: "ClusterRole", namespaced: false),
        ResourceInfo(group: "rbac.authorization.k8s.io", version: "v1", resource: "clusterrolebindings", kind: "ClusterRoleBinding", namespaced: false),
        // authorization.k8s.io/v1 and authentication.k8s.io/v1: reviews of the requesting user, never stored
        selfSubjectAccessReviews,
        selfSubjectRulesReviews,
        selfSubjectReviews,
        // coordination.k8s.io/v1
        ResourceInfo(group: "coordination.k8s.io", version: "v1", resource: "leases", kind: "Lease", namespaced: true),
        // autoscaling/v2 and v1
        ResourceInfo(group: "autoscaling", version: "v2", resource: "horizontalpodautoscalers", kind: "HorizontalPodAutoscaler", namespaced: true, shortNames: ["hpa"], categories: all, hasStatus: true),
        // policy/v1
        ResourceInfo(group: "policy", version: "v1", resource: "poddisruptionbudgets", kind: "PodDisruptionBudget", namespaced: true, shortNames: ["pdb"], hasStatus: true),
        // discovery.k8s.io/v1
        ResourceInfo(group: "discovery.k8s.io", version: "v1", resource: "endpointslices", kind: "EndpointSlice", namespaced: true),
        // apiextensions.k8s.io/v1
        ResourceInfo(group: "apiextensions.k8s.io", version: "v1", resource: "customresourcedefinitions", kind: "CustomResourceDefinition", namespaced: false, shortNames: ["crd", "crds"], hasStatus: true),
        // storage.k8s.io/v1, scheduling.k8s.io/v1: referenced by common charts
        ResourceInfo(group: "storage.k8s.io", version: "v1", resource: "storageclasses", kind: "StorageClass", namespaced: false, shortNames: ["sc"]),
        ResourceInfo(group: "scheduling.k8s.io", version: "v1", resource: "priorityclasses", kind: "PriorityClass", namespaced: false, shortNames: ["pc"]),
    ]
}
