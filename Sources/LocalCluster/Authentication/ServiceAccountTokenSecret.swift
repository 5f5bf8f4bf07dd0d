import KubeModel

/// What marks a legacy service-account token Secret, as Kubernetes defines it: its type, the annotations
/// naming the account, and the data keys the token controller fills.
enum ServiceAccountTokenSecret {
    static let type = "kubernetes.io/service-account-token"
    static let nameAnnotation = "kubernetes.io/service-account.name"
    static let uidAnnotation = "kubernetes.io/service-account.uid"
    static let secrets = "secrets"
    static let serviceAccounts = "serviceaccounts"

    /// The account a Secret asks a token for, or nil when it is not a service-account token Secret.
    static func serviceAccountName(of secret: JSONValue) -> String? {
        guard secret["type"]?.stringValue == type,
            let name = secret[path: ["metadata", "annotations", nameAnnotation]]?.stringValue, !name.isEmpty
        else { return nil }
        return name
    }
}
