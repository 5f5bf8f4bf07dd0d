import AppController
import ArgumentParser
import Foundation
import KubeClient

/// `wharf cluster list`: the clusters Wharf may deploy to, with the in-cluster destination, each
/// checked with a short `/version` call as upstream's connection state.
struct ClusterListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the clusters Wharf may deploy to, with their version and connection status.",
        discussion: "Example: wharf cluster list -o server"
    )

    @OptionGroup var core: CoreModeOptions

    @Option(name: [.customShort("o"), .customLong("output")], help: "Output format: wide, server, json or yaml.")
    var output: ClusterOutput = .wide

    func run() async throws {
        try await reportingFailures {
            let views = try await core.withClient { client in
                try await ClusterView.probeAll(Self.views(client: client, namespace: core.namespace))
            }
            print(output.render(views, single: false), terminator: "")
        }
    }

    /// Every cluster Secret's view, and the in-cluster destination unless a Secret declares it.
    static func views(client: KubeClient, namespace: String) async throws -> [ClusterView] {
        let secrets = try await ClusterSecretStore(client: client, namespace: namespace).all()
        var views = secrets.map(ClusterView.init(secret:))
        if !views.contains(where: { $0.server == ClusterSecret.inClusterServer }) {
            // Upstream lists it first unless a Secret declares it.
            views.insert(ClusterView(inCluster: client.configuration), at: 0)
        }
        return views
    }
}
