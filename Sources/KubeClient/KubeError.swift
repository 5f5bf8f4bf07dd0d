import Foundation
public import KubeModel

/// A failed call to a Kubernetes API server, or a configuration that cannot make one.
///
/// ``category`` says what kind of failure it is, so that controllers can branch on it (`notFound` is
/// often not an error at all, `conflict` means read again and retry); ``status`` keeps the server's
/// `Status` object when there was one; ``description`` is a sentence a user can act on. Errors never
/// carry credentials.
public struct KubeError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public enum Category: String, Sendable, Equatable {
        /// The kubeconfig, the in-cluster environment or a credential plugin is unusable.
        case configuration
        /// The server is not reachable (refused, unresolvable, connection lost).
        case unreachable
        /// TLS failed: an untrusted or mismatched server certificate, or a bad client certificate.
        case tls
        /// The call did not finish within its timeout.
        case timeout
        /// 400: the request is malformed.
        case badRequest
        /// 401: the credentials are missing, wrong or expired.
        case unauthorized
        /// 403: the user may not do this.
        case forbidden
        /// 404: the object, or the kind, does not exist.
        case notFound
        /// 405: the resource does not support the verb.
        case methodNotAllowed
        /// 409 `AlreadyExists`: a create named an existing object.
        case alreadyExists
        /// 409 `Conflict`: the object changed since it was read (stale resourceVersion), or a
        /// server-side apply conflicts with another field manager.
        case conflict
        /// 410 `Expired`/`Gone`: a watch or continue token is older than the server remembers.
        case expired
        /// 415: the content type is not supported (such as a strategic merge patch of a custom resource).
        case unsupportedMediaType
        /// 422 `Invalid`: the object fails validation; ``causes`` name the fields.
        case invalid
        /// 429: the server is throttling.
        case tooManyRequests
        /// 5xx: the server failed.
        case serverError
        /// The server answered something that is not Kubernetes' API.
        case badResponse
        /// The calling task was cancelled.
        case cancelled
        /// Any other HTTP status.
        case other
    }

    /// One field-level cause of a 422 (or other) failure, as in `Status.details.causes`.
    public struct Cause: Sendable, Equatable {
        /// The field path, such as `spec.replicas`.
        public var field: String
        /// What is wrong with it.
        public var message: String
        /// The machine-readable reason, such as `FieldValueInvalid`.
        public var reason: String
    }

    /// What kind of failure this is.
    public let category: Category
    /// The HTTP status code, when the server answered.
    public let statusCode: Int?
    /// The `Status.reason` the server gave (`NotFound`, `Conflict`, ...), when it gave one.
    public let reason: String?
    /// The message, without the request context that ``description`` adds.
    public let message: String
    /// The server's `Status` object, when it sent one.
    public let status: JSONValue?
    /// How long the server asked the client to wait (`Retry-After`), for 429 and 503.
    public let retryAfter: Duration?
    /// The request this error is about, such as `GET /api/v1/namespaces/default/configmaps/x`.
    public let request: String?

    init(
        _ category: Category, _ message: String, statusCode: Int? = nil, reason: String? = nil, status: JSONValue? = nil,
        retryAfter: Duration? = nil, request: String? = nil
    ) {
        self.category = category
        self.message = message
        self.statusCode = statusCode
        self.reason = reason
        self.status = status
        self.retryAfter = retryAfter
        self.request = request
    }

    /// The field-level causes the server listed (empty when it listed none).
    public var causes: [Cause] {
        (status?[path: ["details", "causes"]]?.arrayValue ?? []).map { cause in
            Cause(
                field: cause["field"]?.stringValue ?? "", message: cause["message"]?.stringValue ?? "",
                reason: cause["reason"]?.stringValue ?? "")
        }
    }

    /// Whether trying the same call again later may succeed without changing it.
    public var isRetryable: Bool {
        switch category {
        case .unreachable, .timeout, .tooManyRequests, .serverError: true
        default: false
        }
    }

    public var description: String {
        var text = message
        if let request { text = "\(request): \(text)" }
        if let statusCode { text += " (HTTP \(statusCode)\(reason.map { " \($0)" } ?? ""))" }
        return text
    }

    /// The error for a response with a non-2xx status: the `Status` body when there is one, else the
    /// HTTP status alone.
    static func fromResponse(statusCode: Int, body: [UInt8], retryAfter: Duration?, request: String) -> KubeError {
        let status = try? JSONParser.parse(bytes: body)
        let isStatus = status?["kind"]?.stringValue == "Status"
        let reason = isStatus ? status?["reason"]?.stringValue : nil
        let serverMessage = isStatus ? status?["message"]?.stringValue : nil
        let message = serverMessage ?? Self.defaultMessage(statusCode: statusCode, body: body)
        return KubeError(
            category(statusCode: statusCode, reason: reason), message, statusCode: statusCode, reason: reason,
            status: isStatus ? status : nil, retryAfter: retryAfter, request: request)
    }

    /// The error a watch stream reports in an `ERROR` event.
    static func fromWatchStatus(_ status: JSONValue, request: String) -> KubeError {
        let code = status["code"]?.int64Value.map(Int.init) ?? 500
        let reason = status["reason"]?.stringValue
        return KubeError(
            category(statusCode: code, reason: reason), status["message"]?.stringValue ?? "watch failed", statusCode: code,
            reason: reason, status: status, request: request)
    }

    private static func category(statusCode: Int, reason: String?) -> Category {
        switch statusCode {
        case 400: .badRequest
        case 401: .unauthorized
        case 403: .forbidden
        case 404: .notFound
        case 405: .methodNotAllowed
        case 409: reason == "AlreadyExists" ? .alreadyExists : .conflict
        case 410: .expired
        case 415: .unsupportedMediaType
        case 422: .invalid
        case 429: .tooManyRequests
        case 504: .timeout
        case 500...599: .serverError
        default: .other
        }
    }

    private static func defaultMessage(statusCode: Int, body: [UInt8]) -> String {
        let text = String(decoding: body.prefix(200), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let meaning = switch statusCode {
        case 401: "Unauthorized: the credentials are missing, wrong or expired"
        case 403: "Forbidden"
        case 404: "the server could not find the requested resource"
        case 429: "the server is throttling requests"
        default: "the server answered HTTP \(statusCode)"
        }
        return text.isEmpty ? meaning : "\(meaning): \(text)"
    }
}
