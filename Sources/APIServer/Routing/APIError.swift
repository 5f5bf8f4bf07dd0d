public import HTTPTypes
import KubeModel

/// A refused or failed API call, rendered as upstream's grpc-gateway error body
/// (`{"error": ..., "code": <gRPC code>, "message": ...}`) so that scripts reading Argo CD's errors
/// keep working. Messages name the object and what to do; they never carry a secret.
public struct APIError: Error, Sendable, CustomStringConvertible {
    /// The HTTP status.
    public let status: HTTPResponse.Status
    /// What went wrong, for the caller.
    public let message: String

    /// An error with `status` and `message`.
    public init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    public var description: String { message }

    /// 400: the request itself is wrong.
    public static func invalid(_ message: String) -> APIError { APIError(.badRequest, message) }
    /// 401: no valid credentials.
    public static func unauthenticated(_ message: String = "no session information") -> APIError { APIError(.unauthorized, message) }
    /// 403: the caller may not do this.
    public static func forbidden(_ message: String) -> APIError { APIError(.forbidden, message) }
    /// 404: no such object.
    public static func notFound(_ message: String) -> APIError { APIError(.notFound, message) }
    /// 409: the object exists or changed meanwhile.
    public static func conflict(_ message: String) -> APIError { APIError(.conflict, message) }

    /// The gRPC status code grpc-gateway would have mapped this HTTP status from.
    var grpcCode: Int {
        switch status.code {
        case 400: 3
        case 401: 16
        case 403: 7
        case 404: 5
        case 409: 6
        case 412: 9
        case 429: 8
        case 501: 12
        case 503: 14
        case 504: 4
        default: 2
        }
    }

    /// The JSON body.
    var body: JSONValue { ["error": .string(message), "code": .int(grpcCode), "message": .string(message)] }
}
