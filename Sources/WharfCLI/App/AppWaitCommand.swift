import ArgumentParser
import KubeModel

/// `wharf app wait NAME...`: waits until applications are synced and healthy (or what the flags ask).
struct AppWaitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "wait", abstract: "Wait for applications to be synced and healthy.")

    @OptionGroup var server: ServerOptions

    @Argument(help: "The application names.")
    var names: [String]

    @Flag(help: "Wait for health only.")
    var health = false

    @Flag(help: "Wait for sync only.")
    var sync = false

    @Flag(help: "Wait for no operation to be running.")
    var operation = false

    @Flag(help: "Accept Degraded as done.")
    var degraded = false

    @Flag(help: "Accept Suspended as healthy.")
    var suspended = false

    @Option(help: "Seconds to wait (0: forever).")
    var timeout = 0

    func run() async throws {
        try await reportingFailures {
            let all = !health && !sync && !operation
            let healthy: Set<String> = Set(["Healthy"] + (suspended ? ["Suspended"] : []) + (degraded ? ["Degraded"] : []))
            try await server.withAPI { [names, timeout, health, sync, operation] api in
                let deadline = timeout > 0 ? ContinuousClock.now + .seconds(timeout) : nil
                for name in names {
                    let path = APIConnection.path("/api/v1/applications", name)
                    while true {
                        let application = try await api.call(.GET, path)
                        let synced = application[path: ["status", "sync", "status"]] == "Synced"
                        let isHealthy = healthy.contains(application[path: ["status", "health", "status"]]?.stringValue ?? "")
                        let idle = application["operation"].map { $0.isNull } ?? true
                        if (!(all || sync) || synced) && (!(all || health) || isHealthy) && (!(all || operation) || idle) {
                            print(ApplicationSummary(application: application).details, terminator: "")
                            break
                        }
                        if let deadline, ContinuousClock.now >= deadline {
                            throw CommandFailure("timed out (\(timeout)s) waiting for app \"\(name)\" match desired state")
                        }
                        try await Task.sleep(for: .seconds(1))
                    }
                }
            }
        }
    }
}
