public import Foundation
import ProcessRunner

/// A Git repository of application sources that a test writes and commits to directly, served to
/// the repo server over file://.
public struct AppRepository: Sendable {
    /// The working repository.
    public let directory: URL
    /// Its file:// URL.
    public var url: String { "file://\(directory.path)" }

    /// An empty repository `name` in `root`, on branch `main`.
    public init(in root: URL, name: String = "apps") async throws {
        directory = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try await git("init", "--quiet", "--initial-branch=main")
        try await git("config", "user.email", "test@example.com")
        try await git("config", "user.name", "Test")
    }

    /// Runs git in the repository and returns its trimmed output.
    @discardableResult
    public func git(_ arguments: String...) async throws -> String {
        let result = try await ChildProcess("git", arguments: arguments, environment: ["GIT_TERMINAL_PROMPT": "0"], directory: directory, timeout: .seconds(60)).run()
        guard result.status == 0 else { throw TestFailure("git \(arguments.joined(separator: " ")) failed: \(result.errorText)") }
        return result.outputText.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Writes files (paths relative to the repository) without committing.
    public func write(_ files: [String: String]) throws {
        for (path, content) in files {
            let file = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try content.write(to: file, atomically: true, encoding: .utf8)
        }
    }

    /// Copies a directory from outside into the repository at `path`.
    public func copy(_ source: URL, to path: String) throws {
        let target = directory.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source, to: target)
    }

    /// Creates a symbolic link at `path` pointing at `destination`.
    public func link(_ path: String, to destination: String) throws {
        let file = directory.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: file.path, withDestinationPath: destination)
    }

    /// Commits everything and returns the commit.
    @discardableResult
    public func commit(_ message: String = "change") async throws -> String {
        try await git("add", "-A")
        try await git("commit", "--quiet", "--allow-empty", "-m", message)
        return try await git("rev-parse", "HEAD")
    }
}
