/// Why a webhook delivery was refused; the API server answers it with HTTP 400.
///
/// Messages name the provider, the header or field and what to change; they never repeat a secret,
/// a token or a signature, so they are safe to log and to send back to the caller.
public struct WebhookError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Sendable, Equatable {
        case unknownProvider
        case verificationFailed
        case malformedPayload
    }

    private let code: Code
    /// What is wrong, for the caller and the log.
    public let message: String

    private init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// Whether the delivery failed authentication (a missing or wrong signature, token, UUID or
    /// password), which deserves a security-level log line.
    public var isVerificationFailure: Bool { code == .verificationFailed }

    public var description: String { message }

    static func unknownProvider() -> WebhookError {
        WebhookError(
            .unknownProvider,
            "unknown webhook event: expected one of the headers X-GitHub-Event (GitHub), X-Gitlab-Event (GitLab), X-Hook-UUID (Bitbucket Cloud), X-Event-Key (Bitbucket Server), X-Gogs-Event (Gogs), X-Gitea-Event (Gitea) or X-Vss-ActivityId (Azure DevOps)"
        )
    }

    /// A secret is configured for the provider but the request carries no `credential` in `header`.
    static func missingCredential(_ provider: WebhookProvider, _ credential: String, header: String) -> WebhookError {
        WebhookError(
            .verificationFailed,
            "missing or invalid \(credential) for \(provider.rawValue) webhook: the request has no \(header) header but \(provider.secretKey) is set in argocd-secret; configure the same secret in the \(provider.rawValue) webhook settings"
        )
    }

    /// The request's `credential` in `header` does not match the configured secret.
    static func wrongCredential(_ provider: WebhookProvider, _ credential: String, header: String) -> WebhookError {
        WebhookError(
            .verificationFailed,
            "missing or invalid \(credential) for \(provider.rawValue) webhook: \(header) does not match; the secret in the \(provider.rawValue) webhook settings must equal \(provider.secretKey) in argocd-secret"
        )
    }

    static func malformedPayload(_ provider: WebhookProvider, _ reason: String) -> WebhookError {
        WebhookError(
            .malformedPayload,
            "malformed \(provider.rawValue) webhook payload: \(reason); configure the webhook to send application/json"
        )
    }
}
