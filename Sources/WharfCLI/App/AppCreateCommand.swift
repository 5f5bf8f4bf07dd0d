import ArgumentParser
import Foundation
import KubeModel

/// `wharf app create NAME`: an Application from flags or a file (`-f`), as `argocd app create`.
struct AppCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "Create an application.")

    @OptionGroup var server: ServerOptions
    @OptionGroup var spec: AppSpecOptions

    @Argument(help: "The application name (optional with -f).")
    var name: String?

    @Option(name: [.customShort("f"), .customLong("file")], help: "An Application manifest (YAML or JSON) to create; flags override its fields.")
    var file: String?

    @Flag(help: "Replace an existing application whose spec differs.")
    var upsert = false

    @Flag(name: .customLong("set-finalizer"), help: "Add the resources finalizer, so deleting the application deletes its resources.")
    var setFinalizer = false

    func run() async throws {
        try await reportingFailures {
            var application: JSONValue = ["apiVersion": "argoproj.io/v1alpha1", "kind": "Application", "metadata": .emptyObject, "spec": .emptyObject]
            if let file {
                let text = try InputFile.read(file)
                do {
                    application = try YAMLReader.read(text)
                } catch {
                    throw CommandFailure("cannot read \(file): \(error)")
                }
            }
            if let name { application[path: ["metadata", "name"]] = .string(name) }
            guard let appName = application[path: ["metadata", "name"]]?.stringValue, !appName.isEmpty else {
                throw CommandFailure("an application name is required: wharf app create NAME ... (or metadata.name in -f)")
            }
            try spec.apply(to: &application)
            if setFinalizer { application[path: ["metadata", "finalizers"]] = ["resources-finalizer.argocd.argoproj.io"] }
            let body = application
            let query = upsert ? [("upsert", "true")] : []
            _ = try await server.withAPI { try await $0.call(.POST, "/api/v1/applications", query: query, body: body) }
            print("application '\(appName)' created")
        }
    }
}
