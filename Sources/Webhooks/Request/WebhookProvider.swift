/// A Git hosting service whose webhook deliveries Wharf understands.
public enum WebhookProvider: String, Sendable, Hashable, CaseIterable {
    case gitHub = "GitHub"
    case gitLab = "GitLab"
    case bitbucket = "Bitbucket"
    case bitbucketServer = "Bitbucket Server"
    case gogs = "Gogs"
    case gitea = "Gitea"
    case azureDevOps = "Azure DevOps"

    /// The provider that sent a delivery, told by its headers.
    ///
    /// The order matters: Gitea also sends Gogs and GitHub event headers, and Gogs also sends GitHub
    /// ones with an incompatible signature, so the more specific header is checked first. Bitbucket
    /// Cloud and Bitbucket Server both send `X-Event-Key`; only Cloud sends `X-Hook-UUID`.
    public static func detect(_ headers: WebhookHeaders) -> WebhookProvider? {
        if headers["X-Vss-ActivityId"] != nil { return .azureDevOps }
        if headers["X-Gitea-Event"] != nil { return .gitea }
        if headers["X-Gogs-Event"] != nil { return .gogs }
        if headers["X-GitHub-Event"] != nil { return .gitHub }
        if headers["X-Gitlab-Event"] != nil { return .gitLab }
        if headers["X-Hook-UUID"] != nil { return .bitbucket }
        if headers["X-Event-Key"] != nil { return .bitbucketServer }
        return nil
    }

    /// The `argocd-secret` key that authenticates this provider's deliveries.
    var secretKey: String {
        switch self {
        case .gitHub: WebhookSecrets.gitHubKey
        case .gitLab: WebhookSecrets.gitLabKey
        case .bitbucket: WebhookSecrets.bitbucketUUIDKey
        case .bitbucketServer: WebhookSecrets.bitbucketServerKey
        case .gogs, .gitea: WebhookSecrets.gogsKey
        case .azureDevOps: "\(WebhookSecrets.azureDevOpsUsernameKey) and \(WebhookSecrets.azureDevOpsPasswordKey)"
        }
    }
}
