/// Label keys that several Wharf modules read or write.
public enum WellKnownLabels {
    /// Argo CD's legacy instance label, `application.instanceLabelKey`'s default.
    public static let instance = "app.kubernetes.io/instance"
    /// Argo CD's own instance label on Applications.
    public static let argocdInstance = "argocd.argoproj.io/instance"
    /// Marks a Secret as a repository, repo-creds or cluster credential.
    public static let secretType = "argocd.argoproj.io/secret-type"
    /// The pod-template hash a ReplicaSet and its pods carry.
    public static let podTemplateHash = "pod-template-hash"
}
