import ArgumentParser
import KubeModel

/// `wharf proj delete`: deletes projects.
struct ProjectDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete projects.")

    @OptionGroup var core: CoreModeOptions

    @Argument(help: "The project names.")
    var names: [String]

    func validate() throws {
        if names.isEmpty { throw ValidationError("give at least one project name") }
    }

    func run() async throws {
        try await reportingFailures {
            try await core.withClient { client in
                let store = ArgoObjectStore.projects(client: client, namespace: core.namespace)
                for name in names { try await store.delete(name) }
            }
        }
    }
}
