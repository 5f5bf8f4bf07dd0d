/// The shared secrets that authenticate Git webhook deliveries, as `argocd-secret` holds them.
///
/// An empty value means "not configured": deliveries from that provider are accepted without
/// verification, as upstream does. The description names only which secrets are set, so that logging
/// the configuration never leaks them.
public struct WebhookSecrets: Sendable, CustomStringConvertible {
    /// `argocd-secret` key of the GitHub secret.
    public static let gitHubKey = "webhook.github.secret"
    /// `argocd-secret` key of the GitLab secret token.
    public static let gitLabKey = "webhook.gitlab.secret"
    /// `argocd-secret` key of the Bitbucket Cloud webhook UUID.
    public static let bitbucketUUIDKey = "webhook.bitbucket.uuid"
    /// `argocd-secret` key of the Bitbucket Server secret.
    public static let bitbucketServerKey = "webhook.bitbucketserver.secret"
    /// `argocd-secret` key of the Gogs secret, which Gitea deliveries are verified with too.
    public static let gogsKey = "webhook.gogs.secret"
    /// `argocd-secret` key of the Azure DevOps basic-auth user name.
    public static let azureDevOpsUsernameKey = "webhook.azuredevops.username"
    /// `argocd-secret` key of the Azure DevOps basic-auth password.
    public static let azureDevOpsPasswordKey = "webhook.azuredevops.password"

    /// Key for the `X-Hub-Signature-256` (or legacy `X-Hub-Signature`) HMAC of GitHub deliveries.
    public var gitHub: String
    /// Token GitLab sends in `X-Gitlab-Token`.
    public var gitLab: String
    /// UUID Bitbucket Cloud sends in `X-Hook-UUID`.
    public var bitbucketUUID: String
    /// Key for the `X-Hub-Signature` HMAC of Bitbucket Server deliveries.
    public var bitbucketServer: String
    /// Key for the `X-Gogs-Signature` HMAC of Gogs deliveries and `X-Gitea-Signature` of Gitea ones.
    public var gogs: String
    /// User name Azure DevOps sends with basic authentication.
    public var azureDevOpsUsername: String
    /// Password Azure DevOps sends with basic authentication.
    public var azureDevOpsPassword: String

    /// Secrets given one by one; leave out the providers that have none.
    public init(
        gitHub: String = "", gitLab: String = "", bitbucketUUID: String = "", bitbucketServer: String = "", gogs: String = "",
        azureDevOpsUsername: String = "", azureDevOpsPassword: String = ""
    ) {
        self.gitHub = gitHub
        self.gitLab = gitLab
        self.bitbucketUUID = bitbucketUUID
        self.bitbucketServer = bitbucketServer
        self.gogs = gogs
        self.azureDevOpsUsername = azureDevOpsUsername
        self.azureDevOpsPassword = azureDevOpsPassword
    }

    /// Secrets read from the base64-decoded `data` of `argocd-secret`; other keys are ignored.
    public init(secretData: [String: String]) {
        self.init(
            gitHub: secretData[Self.gitHubKey] ?? "", gitLab: secretData[Self.gitLabKey] ?? "",
            bitbucketUUID: secretData[Self.bitbucketUUIDKey] ?? "", bitbucketServer: secretData[Self.bitbucketServerKey] ?? "",
            gogs: secretData[Self.gogsKey] ?? "", azureDevOpsUsername: secretData[Self.azureDevOpsUsernameKey] ?? "",
            azureDevOpsPassword: secretData[Self.azureDevOpsPasswordKey] ?? ""
        )
    }

    /// Which providers have a secret, never the secrets themselves.
    public var description: String {
        let configured = [
            (Self.gitHubKey, gitHub), (Self.gitLabKey, gitLab), (Self.bitbucketUUIDKey, bitbucketUUID),
            (Self.bitbucketServerKey, bitbucketServer), (Self.gogsKey, gogs),
            (Self.azureDevOpsUsernameKey, azureDevOpsUsername), (Self.azureDevOpsPasswordKey, azureDevOpsPassword),
        ].filter { !$0.1.isEmpty }.map(\.0)
        return "WebhookSecrets(configured: [\(configured.joined(separator: ", "))])"
    }
}
