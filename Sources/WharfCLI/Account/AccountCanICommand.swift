import ArgumentParser
import Foundation
import KubeModel

/// `wharf account can-i ACTION RESOURCE SUBRESOURCE`: prints yes or no.
struct AccountCanICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "can-i", abstract: "Whether the logged-in user may do an action (yes/no).")

    @OptionGroup var server: ServerOptions

    @Argument(help: "The action: get, create, update, delete, sync, override, action/...")
    var action: String

    @Argument(help: "The resource: applications, projects, repositories, clusters, accounts, ...")
    var resource: String

    @Argument(help: "The object, e.g. project/app, or '*'.")
    var subresource: String

    func run() async throws {
        try await reportingFailures {
            let path = "/api/v1/account/can-i/\(Self.escape(resource))/\(Self.escape(action))/\(Self.escape(subresource))"
            let answer = try await server.withAPI { try await $0.call(.GET, path) }
            print(answer["value"]?.stringValue ?? "no")
        }
    }

    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "-._~*"))) ?? text
    }
}
