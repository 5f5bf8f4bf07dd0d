import ArgumentParser

/// `wharf app terminate-op NAME`: stops the running operation.
struct AppTerminateOpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "terminate-op", abstract: "Terminate an application's running operation.")

    @OptionGroup var server: ServerOptions

    @Argument(help: "The application name.")
    var name: String

    func run() async throws {
        try await reportingFailures {
            let path = APIConnection.path("/api/v1/applications", name) + "/operation"
            _ = try await server.withAPI { try await $0.call(.DELETE, path) }
            print("Application '\(name)' operation terminating")
        }
    }
}
