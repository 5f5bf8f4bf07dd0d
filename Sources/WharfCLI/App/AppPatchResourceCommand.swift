import ArgumentParser
import KubeModel

/// `wharf app patch-resource NAME --kind K --resource-name R --patch JSON`: patches a live resource
/// of an application, as `argocd app patch-resource`.
struct AppPatchResourceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "patch-resource", abstract: "Patch a resource of an application.")

    @OptionGroup var server: ServerOptions
    @OptionGroup var resource: AppResourceSelector

    @Argument(help: "The application name.")
    var name: String

    @Option(help: "The patch, as JSON.")
    var patch: String

    @Option(name: .customLong("patch-type"), help: "application/merge-patch+json, application/json-patch+json or application/strategic-merge-patch+json.")
    var patchType = "application/merge-patch+json"

    func validate() throws {
        guard (try? JSONParser.parse(bytes: Array(patch.utf8))) != nil else { throw ValidationError("--patch is not valid JSON") }
    }

    func run() async throws {
        try await reportingFailures {
            let (resource, name, patch, patchType) = (resource, name, patch, patchType)
            try await server.withAPI { api in
                try await resource.call(.POST, application: name, extra: [("patchType", patchType)], body: .string(patch), done: "patched", api: api)
            }
        }
    }
}
