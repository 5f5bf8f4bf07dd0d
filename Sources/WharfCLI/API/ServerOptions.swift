import APIServer
import ArgumentParser
import Foundation
import KubeClient

/// How a command reaches Wharf, as `argocd`'s global flags choose: the API server of the current
/// context (`wharf login`), another one (`--server`, `--auth-token`), or — with `--core` or
/// `--kubeconfig` — the cluster directly, through an API server run inside the command with the
/// kubeconfig's own rights (as `argocd --core` does).
struct ServerOptions: ParsableArguments {
    @Option(help: "The Wharf (or Argo CD) API server, host:port or a URL (default: the current context; $ARGOCD_SERVER).")
    var server: String?

    @Option(name: .customLong("auth-token"), help: "A token to call the server with (default: the context's; $ARGOCD_AUTH_TOKEN).")
    var authToken: String?

    @Flag(help: "Skip verifying the server's TLS certificate (needed for the self-signed default).")
    var insecure = false

    @Flag(name: .customLong("plaintext"), help: "Talk plain HTTP to a server run with --insecure.")
    var plainText = false

    @Option(help: "The CLI's config file (default: $WHARF_CONFIG or ~/.config/wharf/config).")
    var config: String?

    @Flag(help: "Talk to Kubernetes directly instead of an API server.")
    var core = false

    @Option(help: "With --core: the kubeconfig (default: $KUBECONFIG or ~/.kube/config); giving it implies --core.")
    var kubeconfig: String?

    // Not `--namespace`: commands use that for the namespace of the resources they name, as upstream's do.
    @Option(name: .customLong("control-plane-namespace"), help: "With --core: the namespace of Argo CD's objects and settings.")
    var namespace = "argocd"

    @Flag(name: .customLong("grpc-web"), help: "Accepted for upstream scripts; Wharf speaks plain HTTP/JSON.")
    var grpcWeb = false

    /// Whether the command talks to the cluster directly.
    var isCore: Bool { core || kubeconfig != nil }

    private var environmentToken: String? {
        ProcessInfo.processInfo.environment["ARGOCD_AUTH_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Runs `body` with a connection, closed afterwards whatever happens.
    func withAPI<T: Sendable>(_ body: @Sendable (APIConnection) async throws -> T) async throws -> T {
        if isCore { return try await withInProcessServer(body) }
        let context = try CLIConfig.load(from: CLIConfig.path(config)).current
        guard let address = server ?? ProcessInfo.processInfo.environment["ARGOCD_SERVER"] ?? context?.server, !address.isEmpty else {
            throw CommandFailure("no Wharf server: run `wharf login SERVER` first, pass --server, or use --core with a kubeconfig")
        }
        let sameServer = context?.server == address
        let plain = plainText || (sameServer && context?.plainText == true)
        let connection = APIConnection(
            baseURL: Self.baseURL(address, plainText: plain), token: authToken ?? environmentToken ?? (sameServer ? context?.token : nil),
            insecure: insecure || (sameServer && context?.insecure == true))
        return try await connection.closing(body)
    }

    /// `https://host:port` from what users type (`localhost:8080`, or a full URL).
    static func baseURL(_ address: String, plainText: Bool) -> String {
        if address.hasPrefix("http://") || address.hasPrefix("https://") { return address }
        return (plainText ? "http://" : "https://") + address
    }

    private func withInProcessServer<T: Sendable>(_ body: @Sendable (APIConnection) async throws -> T) async throws -> T {
        let options = CoreModeOptions(kubeconfig: kubeconfig, namespace: namespace)
        let adminToken = (0..<4).map { _ in String(UInt64.random(in: .min ... .max), radix: 16) }.joined()
        let token = authToken ?? environmentToken ?? adminToken
        let configuration = APIServerConfiguration(namespace: namespace, port: 0, insecure: true, version: WharfVersion.current, localAdminToken: adminToken)
        return try await options.withClient { client in
            let (endpoints, announce) = AsyncStream.makeStream(of: APIServer.Endpoint.self)
            return try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    defer { announce.finish() }
                    try await APIServer.run(configuration: configuration, client: client) { announce.yield($0) }
                }
                var iterator = endpoints.makeAsyncIterator()
                guard let endpoint = await iterator.next() else {
                    try await group.next()
                    throw CommandFailure("the in-process API server stopped before it served")
                }
                defer { group.cancelAll() }
                return try await APIConnection(baseURL: endpoint.url.absoluteString, token: token, insecure: true).closing(body)
            }
        }
    }
}
