public import Foundation

extension RepoService {
    /// A checkout of `revision` of the Git repository at `repoURL`, for readers of a repository's files
    /// such as the ApplicationSet Git generator.
    ///
    /// The revision is resolved against the remote every time (so a new commit is seen as soon as it is
    /// pushed), with the repository's credentials; the checkout is the shared, read-only one generations
    /// use, so callers must not write into it.
    /// - Returns: The commit the revision named and the directory holding its files.
    /// - Throws: ``SourceError`` naming the repository and revision when either cannot be reached.
    public func checkout(repoURL: String, revision: String) async throws(SourceError) -> (commit: String, directory: URL) {
        let gitCredentials = credentials.credentials(for: repoURL).git(knownHosts: credentials.knownHosts)
        do throws(GitError) {
            let commit = try await git.resolve(repoURL, revision: revision.isEmpty ? "HEAD" : revision, credentials: gitCredentials)
            let directory = try await git.checkout(repoURL, commit: commit, credentials: gitCredentials)
            return (commit, directory)
        } catch {
            throw SourceError(error.message)
        }
    }
}

extension RepoService {
    /// The branches and tags of the Git repository at `repoURL`, read with `credentials` (default:
    /// the stored ones) — how a repository's connection is checked before it is saved, and how its
    /// refs are listed.
    /// - Throws: ``SourceError`` saying why the repository cannot be read (never the credentials).
    public func references(repoURL: String, credentials given: RepositoryCredentials? = nil) async throws(SourceError) -> [GitReference] {
        let gitCredentials = (given ?? credentials.credentials(for: repoURL)).git(knownHosts: credentials.knownHosts)
        do throws(GitError) {
            return try await git.listReferences(repoURL, credentials: gitCredentials)
        } catch {
            throw SourceError(error.message)
        }
    }
}
