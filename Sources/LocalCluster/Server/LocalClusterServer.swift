import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdHTTP2
import HummingbirdTLS
import HTTPTypes
public import KubeModel
import Logging
import NIOCore
import NIOSSL

/// Serves an ``APIHandler`` over HTTPS (HTTP/1.1, or HTTP/2 as ALPN settles when enabled), authenticating each request
/// by bearer token or client certificate as a kube-apiserver does; the handler then authorizes it.
struct LocalClusterServer {
    let handler: APIHandler
    let certificates: ClusterCertificates
    let authenticator: RequestAuthenticator
    /// Faults injected into clients' requests; here rather than in ``APIHandler``, which the in-process
    /// controllers share, so that only network clients see them, and so a 429 can carry `Retry-After`.
    let faults: FaultInjection
    /// Whether to offer HTTP/2 (see ``LocalClusterConfiguration/http2``).
    let http2: Bool
    let host: String
    let port: Int
    let logger: Logger

    /// Paths a request without credentials may read, as Kubernetes grants them to unauthenticated users.
    private static let publicPaths: Set<String> = ["/version", "/healthz", "/livez", "/readyz"]

    /// The Hummingbird application; `onRunning` receives the port actually bound (useful with port 0).
    func application(onRunning: @escaping @Sendable (Int) async -> Void) throws -> some ApplicationProtocol {
        let certificate = try NIOSSLCertificate(bytes: Array(certificates.serverCertificatePEM.utf8), format: .pem)
        let key = try NIOSSLPrivateKey(bytes: Array(certificates.serverKeyPEM.utf8), format: .pem)
        let clusterCA = try NIOSSLCertificate(bytes: Array(certificates.caCertificatePEM.utf8), format: .pem)
        var tls = TLSConfiguration.makeServerConfiguration(certificateChain: [.certificate(certificate)], privateKey: .privateKey(key))
        // Ask for a client certificate without requiring one, as kube-apiserver does: one that is sent
        // must be signed by the cluster CA, or the handshake fails.
        tls.certificateVerification = .optionalVerification
        tls.trustRoots = .certificates([clusterCA])
        let handler = self.handler
        let authenticator = self.authenticator
        let faults = self.faults
        let responder = CallbackResponder<ClusterRequestContext> { request, context in
            try await Self.respond(to: request, context: context, handler: handler, authenticator: authenticator, faults: faults)
        }
        var serverLogger = logger
        serverLogger.logLevel = .warning
        let server: HTTPServerBuilder
        if http2 {
            // Offers h2 and http/1.1 through ALPN, as kube-apiserver does.
            server = try .http2Upgrade(tlsConfiguration: tls)
        } else {
            tls.applicationProtocols = ["http/1.1"]
            server = try .tls(.http1(), tlsConfiguration: tls)
        }
        return Application(
            responder: responder,
            server: server,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "wharf-local-cluster"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: serverLogger)
    }

    private static func respond(
        to request: Request, context: ClusterRequestContext, handler: APIHandler, authenticator: RequestAuthenticator, faults: FaultInjection
    ) async throws -> Response {
        let path = request.uri.path.removingPercentEncoding ?? request.uri.path
        let user: UserInfo
        switch await authenticator.authenticate(authorization: request.headers[.authorization], clientCertificate: context.clientCertificateDER) {
        case .user(let authenticated): user = authenticated
        case .anonymous where publicPaths.contains(path): user = .anonymous
        case .anonymous, .rejected: return jsonResponse(status: 401, APIError.unauthorized.status)
        }
        var body = request
        let bytes = try await body.collectBody(upTo: 64 * 1024 * 1024)
        var query: [String: String] = [:]
        for (name, value) in request.uri.queryParameters { query[String(name)] = String(value) }
        guard let method = APIRequest.Method(rawValue: request.method.rawValue) else {
            return jsonResponse(status: 405, APIError.methodNotAllowed("\(request.method) is not supported").status)
        }
        let apiRequest = APIRequest(
            method: method, path: path, query: query, contentType: request.headers[.contentType], accept: request.headers[.accept],
            userAgent: request.headers[.userAgent], body: Array(buffer: bytes), user: user)
        if let fault = await faults.inject(into: apiRequest, registry: handler.registry) {
            var response = jsonResponse(status: fault.rule.errorCode.rawValue, fault.status)
            if fault.rule.errorCode.sendsRetryAfter { response.headers[.retryAfter] = String(fault.rule.retryAfterSeconds) }
            return response
        }
        switch await handler.handle(apiRequest) {
        case .json(let status, let value, let warnings):
            var response = jsonResponse(status: status, value)
            for warning in warnings { response.headers.append(HTTPField(name: HTTPField.Name("Warning")!, value: "299 - \"\(warning)\"")) }
            return response
        case .bytes(let status, let contentType, let bytes):
            return Response(
                status: .init(code: status), headers: [.contentType: contentType],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
        case .watch(let watch):
            return Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody { writer in
                try await stream(watch, to: &writer)
            })
        }
    }

    private static func jsonResponse(status: Int, _ value: JSONValue) -> Response {
        Response(
            status: .init(code: status), headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: JSONWriter.string(value))))
    }

    /// Writes watch events until the stream ends, the client goes away, or the timeout passes.
    private static func stream(_ watch: WatchResponse, to writer: inout any ResponseBodyWriter) async throws {
        if let prelude = watch.prelude { try await writer.write(ByteBuffer(bytes: prelude)) }
        if let events = watch.events {
            let deadline = watch.timeout.map { ContinuousClock.now + $0 }
            var iterator = events.makeAsyncIterator()
            var first = true
            while true {
                let next = if let deadline { await nextEvent(of: events, before: deadline) } else { await iterator.next() }
                guard let event = next else { break }
                try await writer.write(ByteBuffer(bytes: watch.encode(event, first)))
                if event.type != .bookmark { first = false }
            }
        }
        try await writer.finish(nil)
    }

    /// The next event, or nil once `deadline` passes (which ends the watch, as `timeoutSeconds` asks).
    /// Only one `next()` is ever pending: the losing side of the race is cancelled before returning.
    private static func nextEvent(of events: AsyncStream<WatchEvent>, before deadline: ContinuousClock.Instant) async -> WatchEvent? {
        await withTaskGroup(of: WatchEvent?.self) { group in
            group.addTask {
                var iterator = events.makeAsyncIterator()
                return await iterator.next()
            }
            group.addTask {
                try? await Task.sleep(until: deadline)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }
}
