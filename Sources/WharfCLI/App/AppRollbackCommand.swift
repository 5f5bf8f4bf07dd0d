import ArgumentParser
import KubeModel

/// `wharf app rollback NAME [ID]`: redeploys a history entry (the previous one by default).
struct AppRollbackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rollback", abstract: "Roll an application back to a history entry.")

    @OptionGroup var server: ServerOptions

    @Argument(help: "The application name.")
    var name: String

    @Argument(help: "The history ID (default: the entry before the latest).")
    var id: Int?

    @Flag(help: "Allow deleting resources that are not in the entry.")
    var prune = false

    @Flag(name: .customLong("dry-run"), help: "Preview the rollback without changing anything.")
    var dryRun = false

    @Option(help: "Seconds to wait for it to finish.")
    var timeout = 300

    func run() async throws {
        try await reportingFailures {
            let path = APIConnection.path("/api/v1/applications", name)
            try await server.withAPI { [name, id, prune, dryRun, timeout] api in
                var target = id
                if target == nil {
                    let history = try await api.call(.GET, path)[path: ["status", "history"]]?.arrayValue ?? []
                    guard history.count >= 2, let previous = history[history.count - 2]["id"]?.int64Value else {
                        throw CommandFailure("application \(name) has no earlier deployment to roll back to; see wharf app history \(name)")
                    }
                    target = Int(previous)
                }
                let application = try await api.call(
                    .POST, path + "/rollback", body: ["id": .int(target ?? 0), "prune": .bool(prune), "dryRun": .bool(dryRun)])
                try await OperationWaiter.wait(api, name: name, requested: application["operation"] ?? .null, timeout: timeout)
            }
        }
    }
}
