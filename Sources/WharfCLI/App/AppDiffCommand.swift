import ArgumentParser
import Foundation
import KubeDiff
import KubeModel

/// `wharf app diff NAME`: how the cluster differs from Git, resource by resource, as `argocd app
/// diff` prints it; exits 1 when something differs (unless `--exit-code=false`).
struct AppDiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "diff", abstract: "Show how the live state differs from the target state.")

    @OptionGroup var server: ServerOptions

    @Argument(help: "The application name.")
    var name: String

    @Flag(help: "Refresh from Git first.")
    var refresh = false

    @Flag(name: .customLong("hard-refresh"), help: "Refresh, regenerating manifests even when cached.")
    var hardRefresh = false

    @Option(name: .customLong("exit-code"), help: "Exit with 1 when there are differences (2 on errors).")
    var exitCode = true

    @Option(help: "Compare with this revision instead of the target revision.")
    var revision: String?

    func run() async throws {
        var differs = false
        try await reportingFailures {
            let path = APIConnection.path("/api/v1/applications", name)
            let query = hardRefresh ? [("refresh", "hard")] : refresh ? [("refresh", "normal")] : []
            let revisionQuery = revision.map { [("revision", $0)] } ?? []
            let items = try await server.withAPI { api in
                if !query.isEmpty { _ = try await api.call(.GET, path, query: query) }
                return try await api.call(.GET, path + "/managed-resources", query: revisionQuery)["items"]?.arrayValue ?? []
            }
            for item in items where item["modified"] == true {
                differs = true
                let live = Self.yaml(item["normalizedLiveState"])
                let target = Self.yaml(item["predictedLiveState"])
                let group = item["group"]?.stringValue ?? ""
                let kind = item["kind"]?.stringValue ?? ""
                let scope = item["namespace"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }.map { "\($0)/" } ?? ""
                print("\n===== \(group)/\(kind) \(scope)\(item["name"]?.stringValue ?? "") ======")
                print(UnifiedDiff.diff(old: live, new: target, oldName: "live", newName: "target"), terminator: "")
            }
        }
        if differs && exitCode { throw ExitCode(1) }
    }

    /// The YAML of a JSON-encoded state (`"null"` for none).
    private static func yaml(_ state: JSONValue?) -> String {
        guard let text = state?.stringValue, text != "null", let value = try? JSONParser.parse(bytes: Array(text.utf8)) else { return "" }
        return YAMLWriter.string(value)
    }
}
