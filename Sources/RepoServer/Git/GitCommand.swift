import Foundation
import ProcessRunner

/// Runs one `git` command with a timeout, no terminal prompts, and credentials passed through the
/// environment (never the arguments, which every user of the machine can read in `ps`).
struct GitCommand: Sendable {
    /// The git executable.
    var executable = "git"
    /// How long the command may run.
    var timeout: Duration = .seconds(90)

    /// What a finished command printed.
    struct Output: Sendable {
        var status: Int32
        var standardOutput: Data
        var standardError: String
    }

    /// Runs `git arguments` in `directory` with `environment` added to this process's environment.
    func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) async throws(GitError) -> Output {
        var variables = ["GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"]
        variables.merge(environment) { _, new in new }
        let process = ChildProcess(executable, arguments: arguments, environment: variables, directory: directory, timeout: timeout)
        do {
            let result = try await process.run()
            return Output(status: result.status, standardOutput: result.standardOutput, standardError: String(decoding: result.standardError, as: UTF8.self))
        } catch {
            switch error.reason {
            case .timedOut: throw GitError(.timeout, "git \(arguments.first ?? "") did not finish within \(timeout)")
            case .cannotStart, .outputTooLarge: throw GitError(.failed, "git \(arguments.first ?? ""): \(error.message)")
            }
        }
    }
}
