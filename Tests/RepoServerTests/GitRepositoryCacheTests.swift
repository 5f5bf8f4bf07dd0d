import Foundation
import RepoServer
import Testing

/// The Git layer against real repositories served over file://.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git"), "git is needed for the repository tests"))
struct GitRepositoryCacheTests {
    let root: URL
    let origin: URL
    var url: String { "file://\(origin.path)" }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-git-\(UUID().uuidString)")
        origin = root.appendingPathComponent("origin")
        try FileManager.default.createDirectory(at: origin, withIntermediateDirectories: true)
        try git("init", "--quiet", "--initial-branch=main")
        try git("config", "user.email", "test@example.com")
        try git("config", "user.name", "Test")
    }

    @discardableResult
    private func git(_ arguments: String...) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = arguments
        process.currentDirectoryURL = origin
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw GitTestFailure(command: arguments.joined(separator: " ")) }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func commit(_ path: String, _ content: String) throws -> String {
        let file = origin.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try content.write(to: file, atomically: true, encoding: .utf8)
        try git("add", path)
        try git("commit", "--quiet", "-m", "change \(path)")
        return try git("rev-parse", "HEAD")
    }

    @Test func resolvesBranchesTagsShasAndSemverConstraints() async throws {
        let first = try commit("app/config.yaml", "a: 1\n")
        try git("tag", "v1.0.0")
        let second = try commit("app/config.yaml", "a: 2\n")
        try git("tag", "-a", "v1.2.3", "-m", "release")
        let third = try commit("app/config.yaml", "a: 3\n")
        try git("tag", "v2.0.0")
        try git("checkout", "--quiet", "-b", "feature", first)
        let feature = try commit("other.yaml", "b: 1\n")
        try git("checkout", "--quiet", "main")

        let cache = try GitRepositoryCache(directory: root.appendingPathComponent("cache"))
        #expect(try await cache.resolve(url, revision: "HEAD") == third)
        #expect(try await cache.resolve(url, revision: "") == third)
        #expect(try await cache.resolve(url, revision: "main") == third)
        #expect(try await cache.resolve(url, revision: "feature") == feature)
        #expect(try await cache.resolve(url, revision: "v1.0.0") == first)
        // An annotated tag resolves to its commit, not to the tag object.
        #expect(try await cache.resolve(url, revision: "v1.2.3") == second)
        #expect(try await cache.resolve(url, revision: "1.2.*") == second)
        #expect(try await cache.resolve(url, revision: ">=1.0.0 <2.0.0") == second)
        #expect(try await cache.resolve(url, revision: "*") == third)
        #expect(try await cache.resolve(url, revision: second) == second)
        #expect(try await cache.resolve(url, revision: String(first.prefix(8))) == first)

        let missing = await #expect(throws: GitError.self) { try await cache.resolve(url, revision: "no-such-branch") }
        #expect(missing?.category == .revisionNotFound)
        #expect(missing?.description.contains("no-such-branch") == true)
        let tooNew = await #expect(throws: GitError.self) { try await cache.resolve(url, revision: ">=3.0.0") }
        #expect(tooNew?.category == .revisionNotFound)
    }

    @Test func checksOutCommitsAndListsWhatChanged() async throws {
        let first = try commit("apps/one/cm.yaml", "one: 1\n")
        _ = try commit("apps/two/cm.yaml", "two: 1\n")
        let third = try commit("apps/one/cm.yaml", "one: 2\n")
        let cache = try GitRepositoryCache(directory: root.appendingPathComponent("cache"))

        let old = try await cache.checkout(url, commit: first)
        #expect(try String(contentsOf: old.appendingPathComponent("apps/one/cm.yaml"), encoding: .utf8) == "one: 1\n")
        #expect(!FileManager.default.fileExists(atPath: old.appendingPathComponent("apps/two").path))
        let new = try await cache.checkout(url, commit: third)
        #expect(try String(contentsOf: new.appendingPathComponent("apps/one/cm.yaml"), encoding: .utf8) == "one: 2\n")
        #expect(await cache.requestCounts["fetch"] == 1, "the second checkout found its commit in the mirror")
        // Asking again reuses the checkout without touching the remote.
        #expect(try await cache.checkout(url, commit: third).path == new.path)
        #expect(await cache.requestCounts["fetch"] == 1)

        #expect(try await cache.changedFiles(url, from: first, to: third).sorted() == ["apps/one/cm.yaml", "apps/two/cm.yaml"])
    }

    @Test func anUnreachableRepositoryIsAClearError() async throws {
        let cache = try GitRepositoryCache(directory: root.appendingPathComponent("cache"))
        let error = await #expect(throws: GitError.self) {
            try await cache.resolve("file:///nonexistent/repository", revision: "HEAD")
        }
        #expect(error?.category == .unreachable)
        #expect(error?.description.contains("/nonexistent/repository") == true)
        // A password in the URL is never repeated.
        let secret = await #expect(throws: GitError.self) {
            try await cache.resolve("https://user:hunter2@127.0.0.1:1/repo.git", revision: "HEAD")
        }
        #expect(secret?.description.contains("hunter2") == false, "\(String(describing: secret))")
    }
}

struct GitTestFailure: Error {
    let command: String
}
