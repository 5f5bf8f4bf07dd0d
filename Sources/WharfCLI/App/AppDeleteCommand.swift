import ArgumentParser
import Foundation
import KubeModel

/// `wharf app delete NAME...`: deletes applications, with their resources unless `--cascade=false`.
struct AppDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete applications.")

    @OptionGroup var server: ServerOptions

    @Argument(help: "The application names.")
    var names: [String]

    @Option(help: "Delete the application's resources too (--cascade=false keeps them).")
    var cascade = true

    @Option(name: .customLong("propagation-policy"), help: "foreground or background deletion of the resources.")
    var propagationPolicy = "foreground"

    @Flag(name: .shortAndLong, help: "Do not ask for confirmation.")
    var yes = false

    func validate() throws {
        guard ["foreground", "background"].contains(propagationPolicy) else {
            throw ValidationError("--propagation-policy must be foreground or background")
        }
    }

    func run() async throws {
        try await reportingFailures {
            for name in names where !yes && isatty(STDIN_FILENO) != 0 {
                let what = cascade ? "'\(name)' and all its resources" : "'\(name)'"
                FileHandle.standardError.write(Data("Are you sure you want to delete \(what)? [y/n] ".utf8))
                guard readLine()?.lowercased().hasPrefix("y") == true else { throw CommandFailure("not deleted") }
            }
            let query = [("cascade", String(cascade)), ("propagationPolicy", propagationPolicy)]
            try await server.withAPI { [names] api in
                for name in names {
                    _ = try await api.call(.DELETE, APIConnection.path("/api/v1/applications", name), query: query)
                    print("application '\(name)' deleted")
                }
            }
        }
    }
}
