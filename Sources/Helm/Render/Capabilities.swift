public import GoTemplate

/// What templates see as `.Capabilities`: the Kubernetes version and API versions rendering assumes
/// (Helm's defaults offline, or those of the cluster rendered for), and Helm's version.
public struct Capabilities: GoObject {
    /// The Kubernetes version, e.g. `v1.36.0`.
    public var kubeVersion: String
    /// The API group versions (and `group/version/Kind` entries) `.Capabilities.APIVersions.Has` knows.
    public var apiVersions: [String]

    /// Helm v4's defaults for `helm template` without a cluster.
    public static let helmDefault = Capabilities(kubeVersion: "v1.36.0", apiVersions: defaultAPIVersions)

    /// Creates capabilities.
    public init(kubeVersion: String, apiVersions: [String]) {
        self.kubeVersion = kubeVersion
        self.apiVersions = apiVersions
    }

    /// The group versions Helm v4 reports when no cluster is available.
    public static let defaultAPIVersions = [
        "v1", "admissionregistration.k8s.io/v1", "admissionregistration.k8s.io/v1alpha1", "admissionregistration.k8s.io/v1beta1",
        "internal.apiserver.k8s.io/v1alpha1", "apps/v1", "apps/v1beta1", "apps/v1beta2", "authentication.k8s.io/v1",
        "authentication.k8s.io/v1alpha1", "authentication.k8s.io/v1beta1", "authorization.k8s.io/v1", "authorization.k8s.io/v1beta1",
        "autoscaling/v1", "autoscaling/v2", "batch/v1", "batch/v1beta1", "certificates.k8s.io/v1", "certificates.k8s.io/v1beta1",
        "certificates.k8s.io/v1alpha1", "coordination.k8s.io/v1alpha2", "coordination.k8s.io/v1beta1", "coordination.k8s.io/v1",
        "discovery.k8s.io/v1", "discovery.k8s.io/v1beta1", "events.k8s.io/v1", "events.k8s.io/v1beta1", "extensions/v1beta1",
        "flowcontrol.apiserver.k8s.io/v1", "flowcontrol.apiserver.k8s.io/v1beta1", "flowcontrol.apiserver.k8s.io/v1beta2",
        "flowcontrol.apiserver.k8s.io/v1beta3", "networking.k8s.io/v1", "networking.k8s.io/v1beta1", "node.k8s.io/v1",
        "node.k8s.io/v1alpha1", "node.k8s.io/v1beta1", "policy/v1", "policy/v1beta1", "rbac.authorization.k8s.io/v1",
        "rbac.authorization.k8s.io/v1beta1", "rbac.authorization.k8s.io/v1alpha1", "resource.k8s.io/v1", "resource.k8s.io/v1beta2",
        "resource.k8s.io/v1beta1", "resource.k8s.io/v1alpha3", "scheduling.k8s.io/v1alpha2", "scheduling.k8s.io/v1beta1",
        "scheduling.k8s.io/v1", "storage.k8s.io/v1beta1", "storage.k8s.io/v1", "storage.k8s.io/v1alpha1",
        "storagemigration.k8s.io/v1beta1", "apiextensions.k8s.io/v1beta1", "apiextensions.k8s.io/v1",
    ]

    public var goType: GoType { GoType(name: "*common.Capabilities", kind: .pointer) }

    public func member(named name: String) -> GoMember? {
        switch name {
        case "KubeVersion": .field(.object(KubeVersion(version: kubeVersion)))
        case "APIVersions": .field(.object(VersionSet(versions: apiVersions)))
        case "HelmVersion": .field(.map(GoMap(["Version": "v4.2", "GitCommit": "", "GitTreeState": "", "GoVersion": "go1.26.6", "KubeClientVersion": "v1.36"])))
        default: nil
        }
    }

    public var defaultFormat: String { "&{\(KubeVersion(version: kubeVersion).defaultFormat) \(apiVersions) map[]}" }
}
