import ArgumentParser
import KubeModel

/// `wharf proj add-destination`: permits one more destination.
struct ProjectAddDestinationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add-destination", abstract: "Add project destination.")

    @OptionGroup var core: CoreModeOptions

    @Argument(help: "The project name.")
    var project: String

    @Argument(help: "The cluster's server URL (or its name, with --name).")
    var server: String

    @Argument(help: "The namespace (a pattern such as '*' or 'team-*' works).")
    var namespace: String

    @Flag(help: "Use name as destination instead server.")
    var name = false

    func run() async throws {
        try await reportingFailures {
            _ = try await core.withClient { client in
                try await ArgoObjectStore.projects(client: client, namespace: core.namespace).edit(project) { object in
                    var destinations = object[path: "spec", "destinations"]?.arrayValue ?? []
                    let key = name ? "name" : "server"
                    if destinations.contains(where: { $0["namespace"]?.stringValue == namespace && $0[key]?.stringValue == server }) {
                        throw CommandFailure("destination \(server),\(namespace) is already defined in project \(project)")
                    }
                    destinations.append([key: .string(server), "namespace": .string(namespace)])
                    object[path: "spec", "destinations"] = .array(destinations)
                }
            }
        }
    }
}
