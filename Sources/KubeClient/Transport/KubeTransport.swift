import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL
import Synchronization

/// HTTP to one API server: TLS with the cluster's CA and the user's certificate, authentication,
/// rate limiting, retries, timeouts and metrics. Every request of a ``KubeClient`` goes through here.
final class KubeTransport: Sendable {
    let configuration: ClientConfiguration
    let metrics = RequestMetrics()
    private let limiter: TokenBucket
    private let credentials: CredentialSource
    /// Where requests go: the server URL, or `tls-server-name` with a DNS override to the real host.
    private let base: String
    private let dnsOverride: [String: String]
    private let proxy: HTTPClient.Configuration.Proxy?
    /// The clients for the current client certificate; a plugin's rotated certificate needs new ones.
    /// Watches get their own client: over HTTP/1.1 each open watch holds a connection for minutes,
    /// and a whole-cluster cache opens dozens, which must never starve ordinary requests of connections.
    private let current = Mutex<(identity: CredentialSource.Identity?, clients: Clients)?>(nil)
    private let retired = Mutex<[HTTPClient]>([])

    init(configuration: ClientConfiguration) throws(KubeError) {
        self.configuration = configuration
        limiter = TokenBucket(rate: configuration.queriesPerSecond, burst: configuration.burst)
        credentials = CredentialSource(user: configuration.user, cluster: configuration.cluster)
        guard var components = URLComponents(string: configuration.cluster.server), let scheme = components.scheme,
            scheme == "https" || scheme == "http", let host = components.host, !host.isEmpty
        else {
            throw KubeError(.configuration, "cluster server \"\(configuration.cluster.server)\" is not an http(s) URL")
        }
        var overrides: [String: String] = [:]
        if let name = configuration.cluster.tlsServerName, name != host {
            // Connect to the real host but ask for, and verify, the certificate of `tls-server-name`.
            overrides[name] = host
            components.host = name
        }
        components.query = nil
        var text = components.string ?? configuration.cluster.server
        while text.hasSuffix("/") { text.removeLast() }
        base = text
        dnsOverride = overrides
        proxy = try Self.proxy(configuration.cluster.proxyURL)
    }

    /// Sends a request, retrying as the policy says, and returns the 2xx answer.
    func send(_ request: KubeRequest) async throws(KubeError) -> KubeResponse {
        var attempt = 0
        var refreshedCredentials = false
        while true {
            do {
                return try await sendOnce(request)
            } catch {
                if error.category == .unauthorized, !refreshedCredentials, await credentials.invalidate() {
                    // A rotated token file or an expired plugin credential: read or run again once.
                    refreshedCredentials = true
                    continue
                }
                attempt += 1
                guard attempt <= configuration.retry.maximumRetries, configuration.retry.shouldRetry(error, method: request.method) else {
                    throw error
                }
                metrics.recordRetry()
                do {
                    try await Task.sleep(for: configuration.retry.delay(before: attempt, after: error))
                } catch {
                    throw KubeError(.cancelled, "cancelled while waiting to retry", request: request.summary)
                }
            }
        }
    }

    /// Opens a streaming request (a watch) and returns the response once its head says 200; the
    /// caller reads the body. Failures before the stream starts throw as ``send(_:)`` does, unretried.
    func openStream(_ request: KubeRequest) async throws(KubeError) -> HTTPClientResponse {
        let (prepared, clients) = try await prepare(request)
        let client = clients.watches
        let response: HTTPClientResponse
        do {
            response = try await client.execute(prepared, timeout: .seconds(Int64(configuration.requestTimeout.components.seconds)))
        } catch {
            metrics.record(verb: request.verb, resource: request.resource, statusCode: 0)
            throw Self.map(error, request: request)
        }
        let status = Int(response.status.code)
        metrics.record(verb: request.verb, resource: request.resource, statusCode: status)
        guard status == 200 else {
            let body = (try? await response.body.collect(upTo: 1 << 20)).map { Array(buffer: $0) } ?? []
            if status == 401 { _ = await credentials.invalidate() }
            throw KubeError.fromResponse(statusCode: status, body: body, retryAfter: Self.retryAfter(response.headers), request: request.summary)
        }
        return response
    }

    /// Closes every connection; requests afterwards fail.
    func shutdown() async {
        let clients = current.withLock { state in
            defer { state = nil }
            return state.map { [$0.clients.requests, $0.clients.watches] } ?? []
        } + retired.withLock { list in
            defer { list = [] }
            return list
        }
        for client in clients { try? await client.shutdown() }
    }

    private func sendOnce(_ request: KubeRequest) async throws(KubeError) -> KubeResponse {
        let (prepared, clients) = try await prepare(request)
        let client = clients.requests
        let timeout = request.timeout ?? configuration.requestTimeout
        let metrics = self.metrics
        return try await withDeadline(timeout, request.summary) { () async throws(KubeError) -> KubeResponse in
            let response: HTTPClientResponse
            let body: ByteBuffer
            do {
                response = try await client.execute(prepared, timeout: .seconds(Int64(timeout.components.seconds) + 1))
                body = try await response.body.collect(upTo: 1 << 30)
            } catch {
                metrics.record(verb: request.verb, resource: request.resource, statusCode: 0)
                throw Self.map(error, request: request)
            }
            let status = Int(response.status.code)
            metrics.record(verb: request.verb, resource: request.resource, statusCode: status)
            guard (200..<300).contains(status) else {
                throw KubeError.fromResponse(
                    statusCode: status, body: Array(buffer: body), retryAfter: Self.retryAfter(response.headers), request: request.summary)
            }
            let warnings = response.headers["Warning"].map { warning in
                warning.hasPrefix("299 - ") ? String(warning.dropFirst(6)).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) : warning
            }
            return KubeResponse(statusCode: status, body: Array(buffer: body), warnings: warnings)
        }
    }

    /// Waits for the rate limiter, then builds the request with fresh credentials.
    private func prepare(_ request: KubeRequest) async throws(KubeError) -> (HTTPClientRequest, Clients) {
        let wait = await limiter.reserve()
        if wait > .zero {
            metrics.recordThrottle(wait)
            do { try await Task.sleep(for: wait) } catch { throw KubeError(.cancelled, "cancelled while rate limited", request: request.summary) }
        }
        let clients = try await httpClients()
        var prepared = HTTPClientRequest(url: base + request.target)
        prepared.method = HTTPMethod(rawValue: request.method)
        prepared.headers.add(name: "Accept", value: request.accept)
        prepared.headers.add(name: "User-Agent", value: configuration.userAgent)
        if let authorization = try await credentials.authorization() {
            prepared.headers.add(name: "Authorization", value: authorization)
        }
        if let user = configuration.user.impersonate {
            prepared.headers.add(name: "Impersonate-User", value: user)
            for group in configuration.user.impersonateGroups { prepared.headers.add(name: "Impersonate-Group", value: group) }
        }
        if let body = request.body {
            prepared.headers.add(name: "Content-Type", value: request.contentType ?? "application/json")
            prepared.body = .bytes(body)
        }
        return (prepared, clients)
    }

    /// The HTTP clients of one TLS identity.
    struct Clients: Sendable {
        var requests: HTTPClient
        var watches: HTTPClient
    }

    private func httpClients() async throws(KubeError) -> Clients {
        let identity = try await credentials.identity()
        return try current.withLock { state throws(KubeError) -> Clients in
            if let state, state.identity == identity { return state.clients }
            let clients = Clients(
                requests: HTTPClient(eventLoopGroupProvider: .singleton, configuration: try clientConfiguration(identity: identity, connections: 16)),
                watches: HTTPClient(eventLoopGroupProvider: .singleton, configuration: try clientConfiguration(identity: identity, connections: 4096)))
            // Requests may still be running on the old clients: shut them down only with the transport.
            if let old = state?.clients { retired.withLock { $0 += [old.requests, old.watches] } }
            state = (identity, clients)
            return clients
        }
    }

    private func clientConfiguration(identity: CredentialSource.Identity?, connections: Int) throws(KubeError) -> HTTPClient.Configuration {
        var tls = TLSConfiguration.makeClientConfiguration()
        let cluster = configuration.cluster
        do {
            if let ca = cluster.certificateAuthorityPEM {
                // A given CA is the only one trusted, as in client-go.
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(ca))
            }
        } catch {
            throw KubeError(.configuration, "the cluster's certificate authority is not a valid PEM certificate: \(error)")
        }
        if cluster.insecureSkipTLSVerify { tls.certificateVerification = .none }
        if let identity {
            do {
                tls.certificateChain = try NIOSSLCertificate.fromPEMBytes(identity.certificatePEM).map { .certificate($0) }
                tls.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: identity.keyPEM, format: .pem))
            } catch {
                throw KubeError(.configuration, "the user's client certificate or key is not valid PEM: \(error)")
            }
        }
        var settings = HTTPClient.Configuration(
            tlsConfiguration: tls, redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(Int64(configuration.connectTimeout.components.seconds))), proxy: proxy)
        settings.dnsOverride = dnsOverride
        settings.httpVersion = .automatic
        // Fail fast on a refused connection; the retry policy decides what happens next.
        settings.connectionPool.retryConnectionEstablishment = false
        settings.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = connections
        return settings
    }

    private static func proxy(_ url: String?) throws(KubeError) -> HTTPClient.Configuration.Proxy? {
        guard let url else { return nil }
        guard let components = URLComponents(string: url), let host = components.host, let scheme = components.scheme else {
            throw KubeError(.configuration, "proxy-url \"\(url)\" is not a URL")
        }
        switch scheme {
        case "http", "https": return .server(host: host, port: components.port ?? 3128)
        case "socks5": return .socksServer(host: host, port: components.port ?? 1080)
        default: throw KubeError(.configuration, "proxy-url scheme \(scheme) is not supported; use http, https or socks5")
        }
    }

    private static func retryAfter(_ headers: HTTPHeaders) -> Duration? {
        headers.first(name: "Retry-After").flatMap(Int.init).map { .seconds($0) }
    }

    /// Turns AsyncHTTPClient's and NIO's errors into categories a user understands.
    static func map(_ error: any Error, request: KubeRequest) -> KubeError {
        if let error = error as? KubeError { return error }
        let text = String(describing: error)
        if let client = error as? HTTPClientError {
            switch client {
            case .connectTimeout: return KubeError(.unreachable, "connecting to the server timed out", request: request.summary)
            case .deadlineExceeded, .readTimeout: return KubeError(.timeout, "the server did not answer in time", request: request.summary)
            case .remoteConnectionClosed: return KubeError(.unreachable, "the server closed the connection", request: request.summary)
            case .cancelled: return KubeError(.cancelled, "cancelled", request: request.summary)
            case .tlsHandshakeTimeout: return KubeError(.tls, "the TLS handshake timed out", request: request.summary)
            default: break
            }
        }
        if error is CancellationError { return KubeError(.cancelled, "cancelled", request: request.summary) }
        if error is NIOSSLError || error is BoringSSLError || text.contains("CERTIFICATE_VERIFY_FAILED") || text.contains("handshake") {
            return KubeError(
                .tls, "TLS failed: \(text); check the cluster's certificate-authority (or tls-server-name) and the user's client certificate",
                request: request.summary)
        }
        if error is IOError || error is ChannelError || text.contains("connect") {
            return KubeError(.unreachable, "cannot reach the server: \(text)", request: request.summary)
        }
        return KubeError(.unreachable, "request failed: \(text)", request: request.summary)
    }
}
