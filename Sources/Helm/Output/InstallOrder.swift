/// Helm's install order of kinds (`releaseutil.InstallOrder`) and the `helm template` output built on it.
public enum InstallOrder {
    /// Kinds in the order Helm installs them; unknown kinds come last, by kind name.
    public static let kinds = [
        "PriorityClass", "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange", "PodSecurityPolicy", "PodDisruptionBudget",
        "ServiceAccount", "Secret", "SecretList", "ConfigMap", "StorageClass", "PersistentVolume", "PersistentVolumeClaim",
        "CustomResourceDefinition", "ClusterRole", "ClusterRoleList", "ClusterRoleBinding", "ClusterRoleBindingList", "Role",
        "RoleList", "RoleBinding", "RoleBindingList", "Service", "DaemonSet", "Pod", "ReplicationController", "ReplicaSet",
        "Deployment", "HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress", "APIService",
        "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
    ]

    /// One YAML document of a rendered template.
    public struct Manifest: Sendable {
        /// The template it came from.
        public let source: String
        /// The document text.
        public let content: String
        /// Its `kind`, when it has one.
        public let kind: String
    }

    /// Splits rendered templates into documents and sorts them as `helm template` prints them: by kind
    /// order, then by template name, keeping document order within a template.
    public static func manifests(_ rendered: [String: String]) -> [Manifest] {
        var manifests: [Manifest] = []
        for source in rendered.keys.sorted() {
            for document in split(rendered[source]!) {
                manifests.append(Manifest(source: source, content: document, kind: kind(of: document)))
            }
        }
        let rank = Dictionary(uniqueKeysWithValues: kinds.enumerated().map { ($1, $0) })
        return manifests.enumerated().sorted { left, right in
            let a = rank[left.element.kind] ?? kinds.count, b = rank[right.element.kind] ?? kinds.count
            if a != b { return a < b }
            if a == kinds.count && left.element.kind != right.element.kind { return left.element.kind < right.element.kind }
            return left.offset < right.offset
        }.map(\.element)
    }

    /// What `helm template` prints for the manifests.
    public static func templateOutput(_ rendered: [String: String]) -> String {
        manifests(rendered).map { "---\n# Source: \($0.source)\n\($0.content)\n" }.joined()
    }

    private static func split(_ text: String) -> [String] {
        var documents: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("---") && line.dropFirst(3).allSatisfy({ $0 == " " || $0 == "\t" }) {
                documents.append(current.joined(separator: "\n"))
                current = []
            } else {
                current.append(line)
            }
        }
        documents.append(current.joined(separator: "\n"))
        return documents.map { $0.trimmingCharacters(in: " \n\t") }.filter { !$0.isEmpty }
    }

    private static func kind(of document: String) -> String {
        for line in document.split(separator: "\n") where line.hasPrefix("kind:") {
            return line.dropFirst(5).trimmingCharacters(in: " \"'")
        }
        return ""
    }
}
