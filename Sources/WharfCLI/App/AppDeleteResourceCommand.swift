import ArgumentParser
import KubeModel

/// `wharf app delete-resource NAME --kind K --resource-name R`: deletes a live resource of an
/// application, as `argocd app delete-resource` (a later sync creates it again unless Git dropped it).
struct AppDeleteResourceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete-resource", abstract: "Delete a resource of an application.")

    @OptionGroup var server: ServerOptions
    @OptionGroup var resource: AppResourceSelector

    @Argument(help: "The application name.")
    var name: String

    @Flag(help: "Delete at once, without a grace period.")
    var force = false

    @Flag(help: "Leave the resource's dependents in place.")
    var orphan = false

    func run() async throws {
        try await reportingFailures {
            let path = APIConnection.path("/api/v1/applications", name)
            let (resource, force, orphan) = (resource, force, orphan)
            try await server.withAPI { api in
                for query in try resource.queries(in: try await api.call(.GET, path)) {
                    _ = try await api.call(.DELETE, path + "/resource", query: query + [("force", "\(force)"), ("orphan", "\(orphan)")])
                    print("\(AppResourceSelector.describe(query)) deleted")
                }
            }
        }
    }
}
