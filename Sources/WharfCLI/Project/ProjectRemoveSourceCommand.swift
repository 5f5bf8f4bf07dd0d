import ArgumentParser
import KubeModel

/// `wharf proj remove-source`: withdraws a source repository.
struct ProjectRemoveSourceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove-source", abstract: "Remove project source repository.")

    @OptionGroup var core: CoreModeOptions

    @Argument(help: "The project name.")
    var project: String

    @Argument(help: "The repository URL, as the project lists it.")
    var url: String

    func run() async throws {
        try await reportingFailures {
            let changed = try await core.withClient { client in
                try await ArgoObjectStore.projects(client: client, namespace: core.namespace).edit(project) { object in
                    let sources = object[path: "spec", "sourceRepos"]?.arrayValue?.compactMap(\.stringValue) ?? []
                    guard sources.contains(url) else { return }
                    object[path: "spec", "sourceRepos"] = .array(sources.filter { $0 != url }.map(JSONValue.string))
                }
            }
            if !changed { print("Source repository '\(url)' does not exist in project") }
        }
    }
}
