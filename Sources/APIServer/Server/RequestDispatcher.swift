import Foundation
import HTTPTypes
import Hummingbird
import KubeModel
import Logging
import NIOCore

/// Turns an HTTP request into a route call: finds the route, authenticates the caller, reads the
/// body, runs the handler, and renders its answer or error in upstream's JSON shape. Nothing a
/// handler throws reaches the client as a stack trace or a dropped connection.
struct RequestDispatcher: Sendable {
    let table: RouteTable
    let services: APIServices
    let metrics: APIMetrics
    let localAdminToken: String?

    /// The largest body accepted (an Application with inline values is well below this).
    static let maxBodyBytes = 8 << 20

    init(services: APIServices, configuration: APIServerConfiguration) {
        let metrics = APIMetrics()
        self.metrics = metrics
        self.services = services
        localAdminToken = configuration.localAdminToken
        var routes: [APIRoute] = []
        routes += ApplicationRoutes(services: services).routes
        routes += SessionRoutes(services: services, secure: !configuration.insecure, metrics: metrics).routes
        routes += AccountRoutes(services: services).routes
        routes += ProjectRoutes(services: services).routes
        routes += RepositoryRoutes(services: services).routes
        routes += ApplicationStateRoutes(services: services).routes
        routes += ApplicationResourceRoutes(services: services).routes
        routes += WebhookRoutes(services: services).routes
        routes += ApplicationStreamRoutes(services: services).routes
        routes += ClusterRoutes(services: services).routes
        routes += ApplicationSetRoutes(services: services).routes
        routes += SSORoutes(services: services, secure: !configuration.insecure).routes
        let version = configuration.version
        // The document lists the system routes too, so they are described once before they are built with it.
        let described = routes + SystemRoutes(services: services, metrics: metrics, version: version) { .emptyObject }.routes
        routes += SystemRoutes(services: services, metrics: metrics, version: version) { OpenAPIDocument.make(routes: described, version: version) }.routes
        table = RouteTable(routes)
    }

    func respond(to request: Request) async -> Response {
        let path = request.uri.path
        var routeName = "unmatched"
        let response: APIResponse
        do {
            switch table.lookup(method: request.method, path: path) {
            case .notFound:
                // The dashboard's pages and files; the API keeps answering JSON errors.
                if request.method == .get || request.method == .head, WebUI.serves(path),
                    let page = WebUI.response(for: path, ifNoneMatch: request.headers[.ifNoneMatch])
                {
                    routeName = "ui"
                    response = page
                } else {
                    throw APIError.notFound("no such endpoint: \(request.method.rawValue) \(path)")
                }
            case .methodNotAllowed: throw APIError(.methodNotAllowed, "\(request.method.rawValue) is not allowed on \(path)")
            case .found(let route, let parameters):
                routeName = route.path
                response = try await call(route, parameters: parameters, request: request)
            }
        } catch let error as APIError {
            response = .json(error.body, status: error.status)
        } catch is CancellationError {
            response = .json(APIError(.serviceUnavailable, "the server is shutting down").body, status: .serviceUnavailable)
        } catch {
            services.logger.error("request failed", metadata: ["route": .string(routeName), "error": .string("\(error)")])
            response = .json(APIError(.internalServerError, "internal error: \(error)").body, status: .internalServerError)
        }
        metrics.countRequest(method: request.method.rawValue, route: routeName, code: response.status.code)
        return render(response)
    }

    private func call(_ route: APIRoute, parameters: [String: String], request: Request) async throws -> APIResponse {
        var query: [String: [String]] = [:]
        for (name, value) in request.uri.queryParameters { query[String(name), default: []].append(String(value)) }
        let caller = try await authenticate(request.headers, required: route.access == .authenticated)
        var body: [UInt8] = []
        if route.takesBody {
            var request = request
            do {
                body = Array(buffer: try await request.collectBody(upTo: Self.maxBodyBytes))
            } catch {
                throw APIError(.contentTooLarge, "the request body is larger than \(Self.maxBodyBytes) bytes")
            }
        }
        return try await route.handler(
            APIRequest(
                method: request.method, path: request.uri.path, headers: request.headers, authority: request.head.authority, parameters: parameters, query: query, body: body, caller: caller))
    }

    /// The caller a request's token names (`Authorization: Bearer` or the `argocd.token` cookie).
    /// Routes open to everyone treat a bad token as none; others answer 401 for it, or for no
    /// token unless anonymous access is on.
    private func authenticate(_ headers: HTTPFields, required: Bool) async throws(APIError) -> Caller? {
        guard let token = Self.token(in: headers) else {
            if services.settings.current.anonymousEnabled { return Caller(subject: "", kind: .anonymous, username: "anonymous") }
            if required { throw APIError.unauthenticated() }
            return nil
        }
        if let localAdminToken, Self.constantTimeEqual(token, localAdminToken) { return Caller(subject: "admin", kind: .session) }
        do {
            return try await services.sessions.authenticate(token)
        } catch {
            if required { throw error }
            return nil
        }
    }

    static func token(in headers: HTTPFields) -> String? {
        if let authorization = headers[.authorization], authorization.lowercased().hasPrefix("bearer ") {
            let token = authorization.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
            if !token.isEmpty { return token }
        }
        return SSORoutes.cookie(SessionRoutes.cookieName, in: headers).flatMap { $0.isEmpty ? nil : $0 }
    }

    static func constantTimeEqual(_ left: String, _ right: String) -> Bool {
        let a = Array(left.utf8)
        let b = Array(right.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    private func render(_ response: APIResponse) -> Response {
        var headers = response.headers
        headers[.xContentTypeOptions] = "nosniff"
        headers[HTTPField.Name("X-Frame-Options")!] = "sameorigin"
        if headers[.contentSecurityPolicy] == nil { headers[.contentSecurityPolicy] = "frame-ancestors 'self';" }
        guard let produce = response.events else {
            return Response(status: response.status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: response.body)))
        }
        return Response(
            status: response.status, headers: headers,
            body: ResponseBody { writer in
                let (chunks, continuation) = AsyncStream.makeStream(of: [UInt8].self, bufferingPolicy: .bufferingNewest(4096))
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        defer { continuation.finish() }
                        try await produce(EventSink { continuation.yield($0) })
                    }
                    // A client that goes away makes the write fail, which ends the producer too.
                    for await chunk in chunks { try await writer.write(ByteBuffer(bytes: chunk)) }
                    group.cancelAll()
                }
                try await writer.finish(nil)
            })
    }
}
