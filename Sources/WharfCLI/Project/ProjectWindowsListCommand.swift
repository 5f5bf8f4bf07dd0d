import ArgumentParser
import Foundation
import KubeModel
import Projects

/// `wharf proj windows list`: a project's sync windows and whether each is open now.
struct ProjectWindowsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List project sync windows.")

    @OptionGroup var core: CoreModeOptions

    @Argument(help: "The project name.")
    var project: String

    @Option(name: [.customShort("o"), .customLong("output")], help: "Output format: wide, json or yaml.")
    var output: ObjectOutput = .wide

    func run() async throws {
        try await reportingFailures {
            let object = try await core.withClient { try await ArgoObjectStore.projects(client: $0, namespace: core.namespace).get(project) }
            let entries = object[path: "spec", "syncWindows"]?.arrayValue ?? []
            if let rendered = output.render(list: entries) {
                print(rendered, terminator: "")
                return
            }
            var table = TextTable(["ID", "STATUS", "KIND", "SCHEDULE", "DURATION", "APPLICATIONS", "NAMESPACES", "CLUSTERS", "MANUALSYNC", "TIMEZONE"])
            let now = Date()
            for (index, entry) in entries.enumerated() {
                let window = SyncWindow(entry, index: index)
                func list(_ values: [String]) -> String { values.isEmpty ? "-" : values.joined(separator: ",") }
                table.append([
                    String(index), window.isActive(at: now) ? "Active" : "Inactive", entry["kind"]?.stringValue ?? "", window.schedule, window.duration,
                    list(window.applications), list(window.namespaces), list(window.clusters), window.manualSync ? "Enabled" : "Disabled",
                    window.timeZone,
                ])
            }
            print(table.text, terminator: "")
        }
    }
}
