/// A problem in `argocd-rbac-cm`: which key, which line of it (for policy lines) and what is wrong.
/// The rest of the policy still applies; the offending line or setting does not.
public struct RBACPolicyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The ConfigMap key: `policy.csv`, `policy.<name>.csv`, `scopes` or `policy.matchMode`.
    public let key: String
    /// The 1-based line within the key's value; nil for a problem with the whole value.
    public let line: Int?
    let issue: PolicyIssue

    init(key: String, line: Int? = nil, _ issue: PolicyIssue) {
        self.key = key
        self.line = line
        self.issue = issue
    }

    public var description: String {
        let place = line.map { "argocd-rbac-cm \(key) line \($0)" } ?? "argocd-rbac-cm \(key)"
        return "\(place): \(issue.message)"
    }
}
