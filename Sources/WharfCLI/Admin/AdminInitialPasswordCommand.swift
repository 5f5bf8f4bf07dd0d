import APIServer
import ArgumentParser
import Foundation
import KubeClient
import KubeModel

/// `wharf admin initial-password`: prints the generated admin password kept in
/// `argocd-initial-admin-secret`, as `argocd admin initial-password` does.
struct AdminInitialPasswordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "initial-password", abstract: "Print the initial admin password.")

    @OptionGroup var core: CoreModeOptions

    func run() async throws {
        try await reportingFailures {
            let password = try await core.withClient { client in
                let secrets = GroupVersionResource(group: "", version: "v1", resource: "secrets")
                let secret: KubeObject
                do {
                    secret = try await client.get(secrets, namespace: core.namespace, name: InitialAdminPassword.secretName)
                } catch let error as KubeError where error.category == .notFound {
                    throw CommandFailure(
                        "Secret \(InitialAdminPassword.secretName) not found in namespace \(core.namespace): the password was changed and the Secret deleted, or the API server has not started yet")
                }
                guard let encoded = secret[path: "data", "password"]?.stringValue, let bytes = Data(base64Encoded: encoded) else {
                    throw CommandFailure("Secret \(InitialAdminPassword.secretName) has no data.password")
                }
                return String(decoding: bytes, as: UTF8.self)
            }
            print(password)
            print("\n This password must be only used for first time login. We strongly recommend you update the password using `wharf account update-password`.")
        }
    }
}
