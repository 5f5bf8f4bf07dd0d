public import Foundation
import HTTPTypes
import HummingbirdCore
import Hummingbird
import HummingbirdTLS
public import KubeClient
import KubeModel
import AppController
public import Logging
import NIOCore
import NIOSSL
import RepoServer

/// Wharf's API server: Argo CD's REST API (`/api/v1/...`), sessions, RBAC and webhooks, over TLS
/// unless told otherwise. It reads through watch-fed caches and writes through the cluster client,
/// so it holds no state of its own: any number of them can serve one installation.
public enum APIServer {
    /// Where a started server listens.
    public struct Endpoint: Sendable {
        /// The base URL (`https://127.0.0.1:8080`).
        public var url: URL
        /// The port actually bound.
        public var port: Int
    }

    /// Prepares the installation (signing key, initial admin password), then serves until the
    /// calling task is cancelled. `onRunning` is told the endpoint once the port is bound; refused
    /// logins and webhooks and failed requests go to `logger`.
    public static func run(
        configuration: APIServerConfiguration, client: KubeClient, logger: Logger = Logger(label: "wharf.api-server"),
        onRunning: @escaping @Sendable (Endpoint) async -> Void
    ) async throws {
        let namespace = configuration.namespace
        try await InitialAdminPassword.ensure(client: client, namespace: namespace)
        let settings = SettingsWatch(client: client, namespace: namespace)
        let applications = SharedInformer(client: client, resource: ArgoCRDs.applications, namespace: namespace, kind: "Application")
        let oidc = OIDCProvider()
        let sessions = SessionService(
            settings: { settings.current }, attempts: LoginAttempts(environment: configuration.environment), sessionDuration: configuration.sessionDuration,
            oidc: oidc)
        let repo = try RepoService(configuration: RepoServerConfiguration(cacheDirectory: configuration.repoCacheDirectory))
        let credentials = RepositoryCredentialFeed(client: client, namespace: namespace, store: repo.credentials)
        let services = APIServices(
            client: client, namespace: namespace, settings: settings, applications: applications, sessions: sessions, repo: repo, logger: logger)
        do {
            try await serve(configuration: configuration, services: services, settings: settings, applications: applications, credentials: credentials, onRunning: onRunning)
        } catch {
            await oidc.shutdown()
            throw error
        }
        await oidc.shutdown()
    }

    private static func serve(
        configuration: APIServerConfiguration, services: APIServices, settings: SettingsWatch, applications: SharedInformer,
        credentials: RepositoryCredentialFeed, onRunning: @escaping @Sendable (Endpoint) async -> Void
    ) async throws {
        let certificate = configuration.insecure ? nil : try await ServerCertificate.load(client: services.client, namespace: configuration.namespace)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await settings.run() }
            group.addTask { await applications.run() }
            group.addTask { await credentials.run() }
            await settings.waitUntilReady()
            await applications.waitForCacheSync()
            let dispatcher = RequestDispatcher(services: services, configuration: configuration)
            let server: HTTPServerBuilder
            if let certificate {
                let chain = try NIOSSLCertificate.fromPEMBytes(Array(certificate.certificatePEM.utf8)).map { NIOSSLCertificateSource.certificate($0) }
                let key = try NIOSSLPrivateKey(bytes: Array(certificate.keyPEM.utf8), format: .pem)
                var tls = TLSConfiguration.makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key))
                tls.applicationProtocols = ["http/1.1"]
                server = try .tls(.http1(), tlsConfiguration: tls)
            } else {
                server = .http1()
            }
            var serverLogger = services.logger
            // Hummingbird reports a cancelled server's shutdown as an error; failed requests are logged by the dispatcher.
            serverLogger.logLevel = .critical
            let scheme = configuration.insecure ? "http" : "https"
            let application = Application(
                responder: CallbackResponder<BasicRequestContext> { request, _ in await dispatcher.respond(to: request) },
                server: server,
                configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port), serverName: "wharf-server"),
                onServerRunning: { channel in
                    let port = channel.localAddress?.port ?? configuration.port
                    var address = URLComponents()
                    address.scheme = scheme
                    address.host = configuration.host == "0.0.0.0" ? "127.0.0.1" : configuration.host
                    address.port = port
                    guard let url = address.url else { return }
                    await onRunning(Endpoint(url: url, port: port))
                },
                logger: serverLogger)
            group.addTask { try await application.runService() }
            try await group.next()
            group.cancelAll()
        }
    }
}
