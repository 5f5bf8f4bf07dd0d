import ArgumentParser
import KubeModel

/// `wharf app patch NAME --patch JSON [--type json|merge]`: patches an application, as `argocd app patch`.
struct AppPatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "patch", abstract: "Patch an application.")

    @OptionGroup var server: ServerOptions

    @Argument(help: "The application name.")
    var name: String

    @Option(help: "The patch, as JSON.")
    var patch: String

    @Option(name: .customLong("type"), help: "json (RFC 6902) or merge (RFC 7386).")
    var patchType = "json"

    func validate() throws {
        guard ["json", "merge"].contains(patchType) else { throw ValidationError("--type must be json or merge") }
        guard (try? JSONParser.parse(bytes: Array(patch.utf8))) != nil else { throw ValidationError("--patch is not valid JSON") }
    }

    func run() async throws {
        try await reportingFailures {
            let body: JSONValue = ["name": .string(name), "patch": .string(patch), "patchType": .string(patchType)]
            _ = try await server.withAPI { [name] in try await $0.call(.PATCH, APIConnection.path("/api/v1/applications", name), body: body) }
            print("application '\(name)' patched")
        }
    }
}
