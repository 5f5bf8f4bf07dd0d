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
            let (resource, name, force, orphan) = (resource, name, force, orphan)
            try await server.withAPI { api in
                try await resource.call(.DELETE, application: name, extra: [("force", "\(force)"), ("orphan", "\(orphan)")], done: "deleted", api: api)
            }
        }
    }
}
