import ArgumentParser
import KubeModel

/// `wharf proj set`: replaces the fields of a project whose flags are given.
struct ProjectSetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Set project parameters.",
        discussion: "Each flag given replaces its whole field; fields without a flag are kept.")

    @OptionGroup var core: CoreModeOptions

    @Argument(help: "The project name.")
    var name: String

    @OptionGroup var spec: ProjectSpecOptions

    func validate() throws {
        var probe: JSONValue = .emptyObject
        if spec.apply(to: &probe) == 0 { throw ValidationError("set at least one option to update") }
    }

    func run() async throws {
        try await reportingFailures {
            _ = try await core.withClient { client in
                try await ArgoObjectStore.projects(client: client, namespace: core.namespace).edit(name) { project in
                    var fields = project["spec"] ?? .emptyObject
                    spec.apply(to: &fields)
                    project["spec"] = fields
                }
            }
        }
    }
}
