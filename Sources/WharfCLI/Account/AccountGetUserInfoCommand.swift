import ArgumentParser
import KubeModel

/// `wharf account get-user-info`: who the server thinks the caller is.
struct AccountGetUserInfoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get-user-info", abstract: "Show the logged-in user.")

    @OptionGroup var server: ServerOptions

    @Option(name: .shortAndLong, help: "Output format: wide, json or yaml.")
    var output: ObjectOutput = .wide

    func run() async throws {
        try await reportingFailures {
            let info = try await server.withAPI { try await $0.call(.GET, "/api/v1/session/userinfo") }
            if let rendered = output.render(info) {
                print(rendered, terminator: "")
                return
            }
            print("Logged In: \(info["loggedIn"]?.boolValue == true)")
            if let username = info["username"]?.stringValue { print("Username: \(username)") }
            if let issuer = info["iss"]?.stringValue { print("Issuer: \(issuer)") }
            print("Groups: \((info["groups"]?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: ","))")
        }
    }
}
