import Foundation
import LocalCluster

/// One embedded cluster (in memory, fast profile, a free port) shared by the tests of this target; each
/// test works in its own namespace. It runs for as long as the test process does.
actor TestCluster {
    static let shared = TestCluster()

    private var endpoint: LocalClusterEndpoint?

    /// The running cluster's endpoint, starting it on first use.
    func start() async -> LocalClusterEndpoint {
        if let endpoint { return endpoint }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-simulation-\(UUID().uuidString)")
        let configuration = LocalClusterConfiguration(
            dataDirectory: nil, port: 0, kubeconfigPath: directory.appendingPathComponent("kubeconfig"), profile: .fast)
        let (ready, continuation) = AsyncStream<LocalClusterEndpoint>.makeStream()
        Task.detached {
            do {
                try await LocalCluster.run(configuration) { continuation.yield($0) }
            } catch {
                continuation.finish()
            }
        }
        for await started in ready {
            endpoint = started
            return started
        }
        preconditionFailure("the embedded cluster did not start")
    }
}
