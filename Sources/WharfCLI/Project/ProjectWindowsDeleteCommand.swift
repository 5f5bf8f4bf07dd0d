import ArgumentParser
import KubeModel

/// `wharf proj windows delete`: removes a sync window by its ID (its position, as `windows list` shows it).
struct ProjectWindowsDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete a sync window from a project.",
        discussion: "The ID is the window's position, as 'wharf proj windows list PROJECT' shows it.")

    @OptionGroup var core: CoreModeOptions

    @Argument(help: "The project name.")
    var project: String

    @Argument(help: "The window's ID.")
    var id: Int

    func run() async throws {
        try await reportingFailures {
            _ = try await core.withClient { client in
                try await ArgoObjectStore.projects(client: client, namespace: core.namespace).edit(project) { object in
                    var windows = object[path: "spec", "syncWindows"]?.arrayValue ?? []
                    guard windows.indices.contains(id) else {
                        throw CommandFailure("project \(project) has no sync window \(id); list them with 'wharf proj windows list \(project)'")
                    }
                    windows.remove(at: id)
                    object[path: "spec", "syncWindows"] = .array(windows)
                }
            }
        }
    }
}
