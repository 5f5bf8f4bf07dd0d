public import Foundation

/// A bare repository for a test server to publish, filled through a working clone beside it.
///
/// Servers publish bare repositories (that is what `git http-backend` and `git-upload-pack` over
/// ssh expect); the clone is how the test writes commits and tags into it.
public struct GitServedRepository {
    /// The bare repository: `root/<name>.git`.
    public let bare: URL
    private let work: URL

    /// Creates an empty bare repository `name.git` in `root`, whose default branch is `main`.
    public init(in root: URL, name: String = "repo") async throws {
        bare = root.appendingPathComponent("\(name).git")
        work = root.appendingPathComponent("\(name)-work")
        try FileManager.default.createDirectory(at: bare, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try await TestCommand.run("/usr/bin/git", ["init", "--quiet", "--bare", "--initial-branch=main"], in: bare)
        try await git("init", "--quiet", "--initial-branch=main")
        try await git("config", "user.email", "test@example.com")
        try await git("config", "user.name", "Test")
        try await git("remote", "add", "origin", bare.path)
    }

    /// Runs git in the working clone.
    @discardableResult
    public func git(_ arguments: String...) async throws -> String {
        try await TestCommand.run("/usr/bin/git", arguments, in: work)
    }

    /// Commits `content` at `path` on the current branch and returns the commit.
    @discardableResult
    public func commit(_ path: String, _ content: String) async throws -> String {
        let file = work.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try content.write(to: file, atomically: true, encoding: .utf8)
        try await git("add", path)
        try await git("commit", "--quiet", "-m", "change \(path)")
        return try await git("rev-parse", "HEAD")
    }

    /// Publishes every branch and tag of the clone to the bare repository.
    public func publish() async throws {
        try await git("push", "--quiet", "--force", "origin", "refs/heads/*:refs/heads/*", "refs/tags/*:refs/tags/*")
    }
}
