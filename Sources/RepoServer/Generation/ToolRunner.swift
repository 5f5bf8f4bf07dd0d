public import Foundation
import ProcessRunner

/// Runs the external tools generation needs (kustomize, kubectl, jsonnet) in a bounded pool with a
/// timeout, and turns their failures into errors that name the tool and never show cache paths.
public struct ToolRunner: Sendable {
    private let limit: ConcurrencyLimit
    /// How long one tool may run (upstream's `ARGOCD_EXEC_TIMEOUT`, 90 s by default).
    public let timeout: Duration

    /// A pool of `parallelism` concurrent tools.
    public init(parallelism: Int = ProcessInfo.processInfo.activeProcessorCount * 2, timeout: Duration = .seconds(90)) {
        limit = ConcurrencyLimit(parallelism)
        self.timeout = timeout
    }

    /// Runs `tool` and returns its standard output; a non-zero exit is an error carrying its message.
    /// - Parameter hiding: A directory whose path is replaced by `what` in messages, so that errors show
    ///   repository paths rather than where the cache lives.
    func run(
        _ tool: String, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:], hiding root: URL? = nil,
        what: String = "."
    ) async throws(SourceError) -> Data {
        let process = ChildProcess(tool, arguments: arguments, environment: environment, directory: directory, timeout: timeout)
        let result: ChildProcessResult
        do {
            result = try await limit.run { () async throws(ChildProcessError) -> ChildProcessResult in try await process.run() }
        } catch {
            throw SourceError(hide(error.message, root, what))
        }
        guard result.status == 0 else {
            let text = Self.withoutLogPrefix(result.errorText.isEmpty ? result.outputText.trimmingCharacters(in: .whitespacesAndNewlines) : result.errorText)
            throw SourceError("\(tool) \(arguments.first ?? "") failed: \(hide(text, root, what))")
        }
        return result.standardOutput
    }

    /// The versions of the external tools generation may run, part of every cache key so that
    /// upgrading one renders again; asked once per process.
    func versions() async -> String {
        (try? await Self.versionMemo.value("tools") { () throws(SourceError) -> String in
            var parts: [String] = []
            for (tool, arguments) in [("kustomize", ["version"]), ("kubectl", ["version", "--client"]), ("jsonnet", ["--version"])] where Self.exists(tool) {
                let result = try? await ChildProcess(tool, arguments: arguments, timeout: .seconds(30)).run()
                parts.append("\(tool): \(result?.outputText.trimmingCharacters(in: .whitespacesAndNewlines) ?? "unknown")")
            }
            return parts.joined(separator: "; ")
        }) ?? ""
    }

    private static let versionMemo = Memo<String>(ttl: nil)

    /// Whether `tool` is installed.
    static func exists(_ tool: String) -> Bool { ChildProcess.locate(tool) != nil }

    /// kubectl reports through its logger (`E1202 07:16:46.367960 21035 run.go:72] "command failed"
    /// err="..."`); the quoted error is the part a person needs.
    private static func withoutLogPrefix(_ text: String) -> String {
        guard text.first == "E", let marker = text.range(of: "] \"command failed\" err=\""), text.hasSuffix("\"") else { return text }
        return String(text[marker.upperBound..<text.index(before: text.endIndex)]).replacingOccurrences(of: "\\\"", with: "\"")
    }

    private func hide(_ text: String, _ root: URL?, _ what: String) -> String {
        guard let root else { return text }
        return text.replacingOccurrences(of: root.path + "/", with: "").replacingOccurrences(of: root.path, with: what)
    }
}
