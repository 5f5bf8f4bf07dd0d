import ArgumentParser
import Foundation
import KubeClient
import KubeModel

/// `wharf cluster rm SERVER|NAME`: deletes the cluster's Secret, so Wharf no longer deploys there.
struct ClusterRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rm",
        abstract: "Remove a cluster (by server URL or name) by deleting its Secret.",
        discussion: "The argocd-manager ServiceAccount stays on the cluster; delete it there if it is no longer needed.",
        aliases: ["remove"]
    )

    @Argument(help: "The cluster's server URL or name.")
    var cluster: String

    @OptionGroup var core: CoreModeOptions

    @Flag(name: [.customShort("y"), .customLong("yes")], help: "Do not ask for confirmation.")
    var yes = false

    func run() async throws {
        try await reportingFailures {
            try await core.withClient { client in
                let store = ClusterSecretStore(client: client, namespace: core.namespace)
                guard let secret = try await store.find(cluster) else {
                    throw CommandFailure("cluster \"\(cluster)\" not found in namespace \(core.namespace); see 'wharf cluster list' for the known clusters")
                }
                let question = "Are you sure you want to remove '\(cluster)'? Any Apps deploying to this cluster will go to health status Unknown."
                guard yes || ClusterConfirmation.ask(question) else {
                    throw CommandFailure("not removed; answer y, or pass --yes")
                }
                do {
                    try await client.delete(ClusterSecretStore.secrets, namespace: core.namespace, name: secret.name)
                } catch {
                    // Removed meanwhile: the outcome the user asked for.
                    guard (error as? KubeError)?.category == .notFound else { throw error }
                }
            }
            print("Cluster '\(cluster)' removed")
        }
    }
}
