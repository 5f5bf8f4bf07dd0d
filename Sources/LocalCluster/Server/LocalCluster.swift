public import Foundation
import Hummingbird
public import KubeModel
import Logging
import ServiceLifecycle
import UnixSignals

/// An embedded Kubernetes-compatible cluster: API server, storage, and (as controllers land) simulated
/// workloads, in one process, reachable with kubectl through the kubeconfig it writes.
public enum LocalCluster {
    /// Starts a cluster and serves until the task is cancelled or, with `handleSignals`, until
    /// SIGINT/SIGTERM arrive.
    /// - Parameters:
    ///   - configuration: Where and how to run.
    ///   - handleSignals: Whether to stop gracefully on SIGINT/SIGTERM (the CLI does; tests cancel instead).
    ///   - onReady: Called once the server listens, with where to reach it.
    public static func run(
        _ configuration: LocalClusterConfiguration, handleSignals: Bool = false,
        onReady: @escaping @Sendable (LocalClusterEndpoint) async -> Void = { _ in }
    ) async throws {
        let logger = Logger(label: "wharf.local-cluster")
        let directory = configuration.dataDirectory
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("wharf-cluster-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let certificates = try ClusterCertificates.loadOrCreate(in: directory)
        let token = try SecretFile.readOrCreate(directory.appendingPathComponent("token")) {
            (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        }
        // The key service-account tokens are signed with, kept so that issued tokens survive a restart.
        let tokenSigner = ServiceAccountTokenSigner(
            secret: try SecretFile.readOrCreate(directory.appendingPathComponent("sa.key")) {
                (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
            })
        let persistence: (any StorePersistence)? =
            configuration.dataDirectory == nil ? nil : try SQLitePersistence(path: directory.appendingPathComponent("state.db").path)
        let tokenFile = try configuration.tokenAuthFile.map { try TokenFile(path: $0.path, logger: logger) }
        let store = try ObjectStore(persistence: persistence, historyLimit: configuration.watchHistoryLimit)
        let registry = ResourceRegistry()
        await CustomResourceDefinitions.restore(store: store, registry: registry)
        let handler = APIHandler(store: store, registry: registry)
        try await ClusterBootstrap.ensureSystemObjects(handler: handler)
        // Before the server listens, so that the first request is already decided by the cluster's RBAC.
        let rbacVersions = await handler.authorizer.load(from: store)
        let serviceAccountTokens = ServiceAccountTokens(signer: tokenSigner)
        let tokenVersions = await serviceAccountTokens.load(from: store)
        let kubeconfigPath = configuration.kubeconfigPath ?? directory.appendingPathComponent("kubeconfig")
        let server = LocalClusterServer(
            handler: handler, certificates: certificates, authenticator: RequestAuthenticator(adminToken: token, tokenFile: tokenFile, serviceAccountTokens: serviceAccountTokens),
            faults: configuration.faults, http2: configuration.http2, host: configuration.host, port: configuration.port, logger: logger)
        let application = try server.application { port in
            let url = "https://\(configuration.host == "0.0.0.0" ? "127.0.0.1" : configuration.host):\(port)"
            let kubeconfig = KubeconfigWriter.kubeconfig(
                serverURL: url, caPEM: certificates.caCertificatePEM, token: token, contextName: configuration.contextName)
            do {
                try SecretFile.write(kubeconfig, to: kubeconfigPath)
            } catch {
                logger.error("could not write the kubeconfig to \(kubeconfigPath.path): \(error)")
            }
            await onReady(
                LocalClusterEndpoint(url: url, port: port, kubeconfigPath: kubeconfigPath, token: token, caCertificatePEM: certificates.caCertificatePEM))
        }
        let controllers = ControllerManager(controllers: ControllerSet.standard(
                handler: handler, profile: configuration.profile, tokenSigner: tokenSigner, caCertificatePEM: certificates.caCertificatePEM))
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                // Shut down in reverse order: controllers, RBAC index and bookmarks stop first, then every
                // watch ends, then the server drains.
                services: [
                    .init(service: application), .init(service: WatchCloser(store: store)),
                    .init(service: WatchBookmarker(store: store, interval: configuration.watchBookmarkInterval)),
                    .init(service: RBACFollower(store: store, authorizer: handler.authorizer, listedVersions: rbacVersions)),
                    .init(service: ServiceAccountTokenFollower(store: store, tokens: serviceAccountTokens, listedVersions: tokenVersions)),
                    .init(service: controllers),
                ],
                gracefulShutdownSignals: handleSignals ? [.sigterm, .sigint] : [],
                logger: logger))
        try await group.run()
    }
}
