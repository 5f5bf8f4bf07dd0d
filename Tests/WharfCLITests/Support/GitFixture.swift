import ClusterTestSupport
import Foundation

/// Git repositories the end-to-end tests deploy from: files written, then committed on `main`.
enum GitFixture {
    /// Writes `files` (paths relative to `repository`) and commits them, creating the repository on `main` first if needed.
    static func commit(_ files: [String: String], in repository: URL, message: String = "change") throws {
        for (path, content) in files {
            let file = repository.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try content.write(to: file, atomically: true, encoding: .utf8)
        }
        let git = CommandRunner.which("git") ?? "/usr/bin/git"
        let initialise = FileManager.default.fileExists(atPath: repository.appendingPathComponent(".git").path) ? [] : [["init", "-q", "-b", "main"]]
        for arguments in initialise + [["add", "-A"], ["-c", "user.email=t@example.com", "-c", "user.name=T", "commit", "-qm", message]] {
            let result = try CommandRunner.run(git, ["-C", repository.path] + arguments)
            guard result.exitCode == 0 else { throw TestFailure("git \(arguments.joined(separator: " ")): \(result.standardError)") }
        }
    }
}
