import ArgumentParser
import KubeModel

/// `wharf app set NAME`: changes the fields named by flags, as `argocd app set`.
struct AppSetFieldsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: "Change an application's settings.")

    @OptionGroup var server: ServerOptions
    @OptionGroup var spec: AppSpecOptions

    @Argument(help: "The application name.")
    var name: String

    func run() async throws {
        try await reportingFailures {
            let path = APIConnection.path("/api/v1/applications", name)
            let options = spec
            try await server.withAPI { api in
                var application = try await api.call(.GET, path)
                try options.apply(to: &application)
                _ = try await api.call(.PUT, path + "/spec", body: application["spec"] ?? .emptyObject)
            }
        }
    }
}
