/// A Git operation that failed, with a message that names the repository (never its credentials)
/// and what to do.
public struct GitError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure.
    public enum Category: String, Sendable {
        /// The revision names no branch, tag or commit of the repository.
        case revisionNotFound
        /// The repository could not be reached or read (network, authentication, not a repository).
        case unreachable
        /// The repository rejected the credentials.
        case authentication
        /// The command did not finish within its timeout.
        case timeout
        /// The commit is larger than the checkout limits.
        case tooLarge
        /// Anything else the git command reported.
        case failed
    }

    /// What kind of failure.
    public let category: Category
    /// The message.
    public let message: String

    init(_ category: Category, _ message: String) {
        self.category = category
        self.message = message
    }

    public var description: String { message }
}
