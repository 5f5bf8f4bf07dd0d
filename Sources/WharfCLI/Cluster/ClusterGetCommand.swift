import AppController
import ArgumentParser
import Foundation
import KubeClient

/// `wharf cluster get SERVER|NAME`: one cluster's settings and connection state, credentials redacted.
struct ClusterGetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Show one cluster (by server URL or name); its credentials are never printed.",
        discussion: "Example: wharf cluster get https://10.0.0.1:6443 -o json"
    )

    @Argument(help: "The cluster's server URL or name.")
    var cluster: String

    @OptionGroup var core: CoreModeOptions

    @Option(name: [.customShort("o"), .customLong("output")], help: "Output format: yaml, json, wide or server.")
    var output: ClusterOutput = .yaml

    func run() async throws {
        try await reportingFailures {
            let view = try await core.withClient { client in
                let store = ClusterSecretStore(client: client, namespace: core.namespace)
                if let secret = try await store.find(cluster) {
                    var view = ClusterView(secret: secret)
                    await view.probe()
                    return view
                }
                guard cluster == ClusterSecret.inClusterServer || cluster == ClusterSecret.inClusterName else {
                    throw CommandFailure("cluster \"\(cluster)\" not found in namespace \(core.namespace); see 'wharf cluster list' for the known clusters")
                }
                var view = ClusterView(inCluster: client.configuration)
                await view.probe()
                return view
            }
            print(output.render([view], single: true), terminator: "")
        }
    }
}
