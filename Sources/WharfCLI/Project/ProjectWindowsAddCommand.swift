import ArgumentParser
import KubeModel
import Projects

/// `wharf proj windows add`: a new sync window, checked before it is written.
struct ProjectWindowsAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a sync window to a project.",
        discussion: """
            Example:
              wharf proj windows add PROJECT --kind deny --schedule "30 10 * * *" --duration 30m --applications "prod-*,website" --manual-sync
            """)

    @OptionGroup var core: CoreModeOptions

    @Argument(help: "The project name.")
    var project: String

    @Option(name: [.customShort("k"), .customLong("kind")], help: "Sync window kind, either allow or deny.")
    var kind: String

    @Option(help: "Sync window schedule in cron format (e.g. --schedule \"0 22 * * *\").")
    var schedule: String

    @Option(help: "Sync window duration (e.g. --duration 1h).")
    var duration: String

    @Option(parsing: .singleValue, help: "Applications the window applies to, comma-separated; wildcards supported (e.g. --applications prod-*,website).")
    var applications: [String] = []

    @Option(parsing: .singleValue, help: "Namespaces the window applies to, comma-separated; wildcards supported.")
    var namespaces: [String] = []

    @Option(parsing: .singleValue, help: "Clusters the window applies to, comma-separated; wildcards supported.")
    var clusters: [String] = []

    @Flag(name: .customLong("manual-sync"), help: "Allow manual syncs for both deny and allow windows.")
    var manualSync = false

    @Option(name: .customLong("time-zone"), help: "Time zone of the sync window (e.g. America/New_York).")
    var timeZone = "UTC"

    @Option(help: "Sync window description.")
    var description: String?

    func run() async throws {
        try await reportingFailures {
            _ = try await core.withClient { client in
                try await ArgoObjectStore.projects(client: client, namespace: core.namespace).edit(project) { object in
                    var windows = object[path: "spec", "syncWindows"]?.arrayValue ?? []
                    let window = self.window
                    // Checked here, not only by the store, so that the message names this window's field.
                    if let problem = SyncWindow(window, index: windows.count).problem {
                        throw CommandFailure("project \(project): \(problem)")
                    }
                    windows.append(window)
                    object[path: "spec", "syncWindows"] = .array(windows)
                }
            }
        }
    }

    /// The window as the project stores it.
    private var window: JSONValue {
        func list(_ values: [String]) -> JSONValue {
            .array(values.flatMap { $0.split(separator: ",").map { .string(String($0)) } })
        }
        var window: JSONValue = ["kind": .string(kind), "schedule": .string(schedule), "duration": .string(duration)]
        if !applications.isEmpty { window["applications"] = list(applications) }
        if !namespaces.isEmpty { window["namespaces"] = list(namespaces) }
        if !clusters.isEmpty { window["clusters"] = list(clusters) }
        if manualSync { window["manualSync"] = true }
        window["timeZone"] = .string(timeZone)
        if let description { window["description"] = .string(description) }
        return window
    }
}
