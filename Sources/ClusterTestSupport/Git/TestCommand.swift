public import Foundation
import ProcessRunner

/// Runs a short setup command of a test (git, ssh-keygen) with a deadline, through the project's
/// process runner: past the deadline the command's whole process group is killed and the test fails
/// instead of hanging, and the wait holds no thread of the concurrency pool.
public enum TestCommand {
    /// Runs `executable arguments` in `directory` and returns its trimmed standard output; throws
    /// with its standard error when it fails or overruns `timeout`.
    @discardableResult
    public static func run(
        _ executable: String, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
        timeout: Duration = .seconds(30)
    ) async throws -> String {
        // No prompt may ever wait for a person, and messages must be in English for the assertions.
        var variables = ["GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"]
        variables.merge(environment) { _, new in new }
        let result = try await ChildProcess(executable, arguments: arguments, environment: variables, directory: directory, timeout: timeout).run()
        guard result.status == 0 else {
            throw Failure(description: "\(executable) \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.errorText)")
        }
        return result.outputText.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A setup command that failed.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }
}
