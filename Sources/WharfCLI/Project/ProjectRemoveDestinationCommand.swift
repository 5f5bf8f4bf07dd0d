import ArgumentParser
import KubeModel

/// `wharf proj remove-destination`: withdraws a destination.
struct ProjectRemoveDestinationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove-destination", abstract: "Remove project destination.")

    @OptionGroup var core: CoreModeOptions

    @Argument(help: "The project name.")
    var project: String

    @Argument(help: "The cluster's server URL, as the destination names it.")
    var server: String

    @Argument(help: "The namespace, as the destination names it.")
    var namespace: String

    func run() async throws {
        try await reportingFailures {
            _ = try await core.withClient { client in
                try await ArgoObjectStore.projects(client: client, namespace: core.namespace).edit(project) { object in
                    var destinations = object[path: "spec", "destinations"]?.arrayValue ?? []
                    guard let index = destinations.firstIndex(where: { $0["namespace"]?.stringValue == namespace && $0["server"]?.stringValue == server })
                    else { throw CommandFailure("destination \(server),\(namespace) does not exist in project \(project)") }
                    destinations.remove(at: index)
                    object[path: "spec", "destinations"] = .array(destinations)
                }
            }
        }
    }
}
