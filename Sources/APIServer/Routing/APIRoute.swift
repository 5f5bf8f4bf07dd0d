import Foundation
public import HTTPTypes

/// One endpoint: its method and path template (`/api/v1/applications/{name}`), what the OpenAPI
/// document says about it, and its handler. The table of routes is the single source of both the
/// dispatch and the OpenAPI document, so the two cannot drift apart.
public struct APIRoute: Sendable {
    /// Who may call a route before any RBAC check.
    public enum Access: Sendable {
        /// Anyone, logged in or not (version, settings, login, health).
        case everyone
        /// A logged-in caller (or an anonymous one when anonymous access is enabled); the handler checks RBAC.
        case authenticated
    }

    /// The HTTP method.
    public var method: HTTPRequest.Method
    /// The path template; `{name}` segments are parameters.
    public var path: String
    /// Who may call it.
    public var access: Access
    /// One line for the OpenAPI document.
    public var summary: String
    /// The OpenAPI tag (the service upstream groups it under).
    public var tag: String
    /// The query parameters it reads, for the OpenAPI document.
    public var queryParameters: [String]
    /// Whether it reads a JSON body.
    public var takesBody: Bool
    /// The handler.
    public var handler: @Sendable (APIRequest) async throws -> APIResponse

    let segments: [Segment]

    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    /// A route.
    public init(
        _ method: HTTPRequest.Method, _ path: String, access: Access = .authenticated, tag: String, summary: String, query: [String] = [],
        body: Bool = false, handler: @escaping @Sendable (APIRequest) async throws -> APIResponse
    ) {
        self.method = method
        self.path = path
        self.access = access
        self.tag = tag
        self.summary = summary
        queryParameters = query
        takesBody = body
        self.handler = handler
        segments = path.split(separator: "/").map { piece in
            piece.hasPrefix("{") && piece.hasSuffix("}") ? .parameter(String(piece.dropFirst().dropLast())) : .literal(String(piece))
        }
    }

    /// The path parameters when `pathSegments` fit the template.
    func match(_ pathSegments: [Substring]) -> [String: String]? {
        guard pathSegments.count == segments.count else { return nil }
        var parameters: [String: String] = [:]
        for (segment, piece) in zip(segments, pathSegments) {
            switch segment {
            case .literal(let literal): if literal != piece { return nil }
            case .parameter(let name):
                guard !piece.isEmpty else { return nil }
                parameters[name] = String(piece).removingPercentEncoding ?? String(piece)
            }
        }
        return parameters
    }

    /// Literal segments count before parameters, so `/applications/stream` beats `/applications/{name}`.
    var specificity: [Int] {
        segments.map {
            if case .literal = $0 { 1 } else { 0 }
        }
    }
}
