import ArgumentParser
import Foundation
import KubeModel

/// `wharf account update-password`: changes a local account's password; sessions issued before
/// stop working.
struct AccountUpdatePasswordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "update-password", abstract: "Change a local account's password.")

    @OptionGroup var server: ServerOptions

    @Option(help: "The account (default: the logged-in one).")
    var account: String?

    @Option(name: .customLong("current-password"), help: "The logged-in user's current password (default: first line of standard input).")
    var currentPassword: String?

    @Option(name: .customLong("new-password"), help: "The new password (default: second line of standard input).")
    var newPassword: String?

    func run() async throws {
        try await reportingFailures {
            let current = try currentPassword ?? LoginCommand.readPassword()
            let new = try newPassword ?? LoginCommand.readPassword()
            var body: JSONValue = ["currentPassword": .string(current), "newPassword": .string(new)]
            if let account { body["name"] = .string(account) }
            _ = try await server.withAPI { [body] in try await $0.call(.PUT, "/api/v1/account/password", body: body) }
            print("Password updated")
        }
    }
}
