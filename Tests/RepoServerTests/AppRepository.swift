import Foundation

/// A Git repository of application sources that a test writes and commits to directly, served to
/// the repo server over file://.
struct AppRepository {
    /// The working repository.
    let directory: URL
    /// Its file:// URL.
    var url: String { "file://\(directory.path)" }

    /// An empty repository `name` in `root`, on branch `main`.
    init(in root: URL, name: String = "apps") throws {
        directory = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try git("init", "--quiet", "--initial-branch=main")
        try git("config", "user.email", "test@example.com")
        try git("config", "user.name", "Test")
    }

    @discardableResult
    func git(_ arguments: String...) throws -> String {
        try TestCommand.run("/usr/bin/git", arguments, in: directory)
    }

    /// Writes files (paths relative to the repository) without committing.
    func write(_ files: [String: String]) throws {
        for (path, content) in files {
            let file = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try content.write(to: file, atomically: true, encoding: .utf8)
        }
    }

    /// Copies a directory from outside into the repository at `path`.
    func copy(_ source: URL, to path: String) throws {
        let target = directory.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source, to: target)
    }

    /// Creates a symbolic link at `path` pointing at `destination`.
    func link(_ path: String, to destination: String) throws {
        let file = directory.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: file.path, withDestinationPath: destination)
    }

    /// Commits everything and returns the commit.
    @discardableResult
    func commit(_ message: String = "change") throws -> String {
        try git("add", "-A")
        try git("commit", "--quiet", "--allow-empty", "-m", message)
        return try git("rev-parse", "HEAD")
    }
}
