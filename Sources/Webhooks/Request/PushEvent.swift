/// A push that a Git provider reported: which repository, which branch or tag, and what changed.
public struct PushEvent: Sendable, Hashable {
    /// The provider that sent it.
    public var provider: WebhookProvider
    /// Every URL the payload gives for the repository (web page, HTTPS clone, SSH clone), each once.
    public var repositoryURLs: [String]
    /// The branch or tag name pushed to, without `refs/heads/` or `refs/tags/`.
    public var revision: String
    /// The commit the revision points to after the push, when the payload says.
    public var commitSHA: String?
    /// The commit the revision pointed to before the push, when the payload says.
    public var previousCommitSHA: String?
    /// Files added, modified or removed by the pushed commits, relative to the repository root, each
    /// once. Empty when the payload does not list them (Bitbucket, Azure DevOps, large pushes), which
    /// means "anything may have changed".
    public var changedFiles: [String]
    /// The repository's default branch, when the payload says; nil means unknown.
    public var defaultBranch: String?

    /// A push event; repository URLs and changed files are de-duplicated, keeping the first of each.
    public init(
        provider: WebhookProvider, repositoryURLs: [String], revision: String, commitSHA: String? = nil, previousCommitSHA: String? = nil,
        changedFiles: [String] = [], defaultBranch: String? = nil
    ) {
        self.provider = provider
        self.repositoryURLs = Self.unique(repositoryURLs.filter { !$0.isEmpty })
        self.revision = revision
        self.commitSHA = commitSHA
        self.previousCommitSHA = previousCommitSHA
        self.changedFiles = Self.unique(changedFiles.filter { !$0.isEmpty })
        self.defaultBranch = defaultBranch
    }

    /// Whether the push moved the repository's default branch, which `HEAD` and an empty
    /// `targetRevision` follow. When the payload does not name the default branch (Bitbucket) the
    /// answer is yes, as upstream does, and the controller finds out whether anything changed.
    public var touchesDefaultBranch: Bool {
        guard let defaultBranch else { return true }
        return defaultBranch == revision
    }

    /// The branch or tag name of a ref: `refs/heads/main` is `main`, `refs/tags/v1` is `v1`, and
    /// anything else is kept as it is.
    public static func revision(ofRef ref: String) -> String {
        for prefix in ["refs/heads/", "refs/tags/"] where ref.hasPrefix(prefix) {
            return String(ref.dropFirst(prefix.count))
        }
        return ref
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}
