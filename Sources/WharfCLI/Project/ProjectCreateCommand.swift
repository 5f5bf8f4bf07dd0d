import AppController
import ArgumentParser
import KubeModel

/// `wharf proj create`: a new AppProject from flags or from a manifest file.
struct ProjectCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a project.",
        discussion: """
            Examples:
              wharf proj create team-a -d https://kubernetes.default.svc,team-a -s https://github.com/org/team-a.git
              wharf proj create -f project.yaml
            """
    )

    @OptionGroup var core: CoreModeOptions

    @Argument(help: "The project name (optional with -f; it must then match the file's metadata.name).")
    var name: String?

    @Option(name: [.customShort("f"), .customLong("file")], help: "A manifest of the project ('-' for standard input); flags given as well override its fields.")
    var file: String?

    @Flag(help: "Replace an existing project of the same name even if its spec differs.")
    var upsert = false

    @OptionGroup var spec: ProjectSpecOptions

    func validate() throws {
        if name == nil && file == nil { throw ValidationError("give the project NAME or a manifest with -f FILE") }
    }

    func run() async throws {
        try await reportingFailures {
            let project = try constructProject()
            try await core.withClient { client in
                let outcome = try await ArgoObjectStore.projects(client: client, namespace: core.namespace).create(project, upsert: upsert)
                print("Project '\(project.name)' \(outcome)")
            }
        }
    }

    /// The project to create: the file's (checked to be an AppProject named NAME) or a new one, with the flags applied.
    private func constructProject() throws -> KubeObject {
        var project: KubeObject
        if let file {
            let source = InputFile.displayName(file)
            let objects = try ManifestReader.readObjects(try InputFile.read(file), source: source)
            guard objects.count == 1, let object = objects.first, object.kind == "AppProject" else {
                let found = objects.isEmpty ? "nothing" : objects.map(\.kind).joined(separator: ", ")
                throw CommandFailure("\(source): expected one AppProject, found \(found)")
            }
            if let name, name != object.name {
                throw CommandFailure("project name '\(name)' does not match project spec metadata.name '\(object.name)'")
            }
            project = object
        } else {
            project = KubeObject(apiVersion: ArgoCRDs.apiVersion, kind: "AppProject", name: name ?? "")
        }
        project[path: "metadata", "namespace"] = .string(core.namespace)
        var fields = project["spec"] ?? .emptyObject
        spec.apply(to: &fields)
        project["spec"] = fields
        return project
    }
}
