public import Foundation
public import RepoServer

/// Where the Git generator reads repositories from: a checkout of a revision, resolved afresh.
public protocol GitRepositoryReader: Sendable {
    /// The commit `revision` names in `repoURL` and a directory holding its files (read-only).
    func checkout(repoURL: String, revision: String) async throws(SourceError) -> (commit: String, directory: URL)
}

extension RepoService: GitRepositoryReader {}
