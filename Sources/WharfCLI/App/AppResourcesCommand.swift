import ArgumentParser
import KubeModel

/// `wharf app resources NAME`: the resources an application manages, with their sync and health.
struct AppResourcesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "resources", abstract: "List an application's resources.")

    @OptionGroup var server: ServerOptions

    @Argument(help: "The application name.")
    var name: String

    func run() async throws {
        try await reportingFailures {
            let application = try await server.withAPI { [name] in try await $0.call(.GET, APIConnection.path("/api/v1/applications", name)) }
            var table = TextTable(["GROUP", "KIND", "NAMESPACE", "NAME", "STATUS", "HEALTH"])
            for resource in application[path: ["status", "resources"]]?.arrayValue ?? [] {
                table.append([
                    resource["group"]?.stringValue ?? "", resource["kind"]?.stringValue ?? "", resource["namespace"]?.stringValue ?? "",
                    resource["name"]?.stringValue ?? "", resource["status"]?.stringValue ?? "", resource[path: ["health", "status"]]?.stringValue ?? "",
                ])
            }
            print(table.text, terminator: "")
        }
    }
}
