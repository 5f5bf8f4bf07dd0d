public import Foundation
public import KubeClient
import KubeModel
public import LocalCluster
import Synchronization

/// An embedded cluster started for one test (shared by the test targets that need a cluster), reached over HTTPS through the kubeconfig it wrote.
public struct RunningCluster: Sendable {
    /// Where the cluster listens and its kubeconfig.
    public let endpoint: LocalClusterEndpoint
    /// The data (or scratch) directory.
    public let directory: URL
    /// Clients made by ``client(_:)``, shut down when the test's cluster stops.
    private let clients = ClientList()

    /// A client configured from the cluster's kubeconfig, adjusted by `adjust`. Connecting (and the
    /// TLS handshake) may take up to a minute: the whole suite shares two cores, and a handshake
    /// waiting behind a hundred others is slow, not broken.
    public func client(_ adjust: (inout ClientConfiguration) -> Void = { _ in }) throws -> KubeClient {
        var configuration = try ClientConfiguration.fromKubeconfig(paths: [endpoint.kubeconfigPath])
        configuration.connectTimeout = .seconds(60)
        adjust(&configuration)
        return clients.track(try KubeClient(configuration: configuration))
    }

    /// Shuts down the clients made so far.
    public func shutdownClients() async {
        for client in clients.takeAll() { await client.shutdown() }
    }

    /// Clusters starting at once in this process.
    private static let startups = AsyncSlots(4)

    /// Starts a cluster, runs `body` against it, and stops the cluster afterwards (also when `body` throws).
    /// - Parameters:
    ///   - directory: The data directory; nil keeps state in memory.
    ///   - port: The port; 0 picks a free one (pass the old port to restart "the same" server).
    public static func with<T: Sendable>(
        directory: URL? = nil, port: Int = 0, faults: FaultInjection = FaultInjection(),
        configure: (inout LocalClusterConfiguration) -> Void = { _ in },
        _ body: (RunningCluster) async throws -> T
    ) async throws -> T {
        let scratch = directory ?? FileManager.default.temporaryDirectory.appendingPathComponent("wharf-kubeclient-\(UUID().uuidString)")
        var configuration = LocalClusterConfiguration(
            dataDirectory: directory, port: port, kubeconfigPath: scratch.appendingPathComponent("kubeconfig-\(UUID().uuidString)"),
            profile: .fast, faults: faults)
        configure(&configuration)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let settings = configuration
        // Suites start together: a few clusters start at a time, the others wait their turn.
        await startups.acquire()
        return try await withThrowingTaskGroup(of: Void.self) { group in
            let (ready, continuation) = AsyncStream<LocalClusterEndpoint>.makeStream()
            group.addTask {
                defer { continuation.finish() }
                try await LocalCluster.run(settings) { continuation.yield($0) }
            }
            var iterator = ready.makeAsyncIterator()
            let started = await iterator.next()
            await startups.release()
            guard let endpoint = started else {
                try await group.next()
                throw TestFailure("the embedded cluster did not start")
            }
            let cluster = RunningCluster(endpoint: endpoint, directory: scratch)
            do {
                let result = try await body(cluster)
                await cluster.shutdownClients()
                group.cancelAll()
                try? await group.waitForAll()
                return result
            } catch {
                await cluster.shutdownClients()
                group.cancelAll()
                try? await group.waitForAll()
                throw error
            }
        }
    }
}

/// The clients a test made.
final class ClientList: Sendable {
    private let clients = Mutex<[KubeClient]>([])

    func track(_ client: KubeClient) -> KubeClient {
        clients.withLock { $0.append(client) }
        return client
    }

    func takeAll() -> [KubeClient] {
        clients.withLock { list in
            defer { list = [] }
            return list
        }
    }
}

/// A test's own failure with a message.
public struct TestFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

