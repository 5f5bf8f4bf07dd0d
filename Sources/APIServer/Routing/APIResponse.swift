public import HTTPTypes
public import KubeModel

/// What a route answers: a status, headers and a body (JSON unless the route says otherwise).
public struct APIResponse: Sendable {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// Headers beyond the content type.
    public var headers: HTTPFields
    /// The body bytes.
    public var body: [UInt8]
    /// A stream of server-sent events instead of `body`, for the `stream` routes.
    public var events: (@Sendable (EventSink) async throws -> Void)?

    /// A JSON answer.
    public static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> APIResponse {
        var fields = headers
        fields[.contentType] = "application/json"
        return APIResponse(status: status, headers: fields, body: Array(JSONWriter.string(value).utf8), events: nil)
    }

    /// A JSON answer already encoded.
    public static func json(bytes: [UInt8]) -> APIResponse {
        APIResponse(status: .ok, headers: [.contentType: "application/json"], body: bytes, events: nil)
    }

    /// A 303 to `location`, setting `cookies`.
    public static func redirect(_ location: String, cookies: [String] = []) -> APIResponse {
        var headers: HTTPFields = [.location: location]
        for cookie in cookies { headers.append(HTTPField(name: .setCookie, value: cookie)) }
        return APIResponse(status: .seeOther, headers: headers, body: [], events: nil)
    }

    /// A plain-text answer.
    public static func text(_ text: String, status: HTTPResponse.Status = .ok, contentType: String = "text/plain; charset=utf-8") -> APIResponse {
        APIResponse(status: status, headers: [.contentType: contentType], body: Array(text.utf8), events: nil)
    }

    /// A `text/event-stream` answer whose events `produce` writes until the client goes away.
    public static func eventStream(_ produce: @escaping @Sendable (EventSink) async throws -> Void) -> APIResponse {
        APIResponse(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"], body: [], events: produce)
    }
}

/// Where a streaming route writes its server-sent events.
public struct EventSink: Sendable {
    let write: @Sendable ([UInt8]) async throws -> Void

    /// Sends one `data:` event carrying `value` as JSON.
    public func send(_ value: JSONValue) async throws {
        try await write(Array("data: \(JSONWriter.string(value))\n\n".utf8))
    }

    /// Sends a comment line, which clients ignore: keeps an idle stream open.
    public func comment() async throws {
        try await write(Array(":\n\n".utf8))
    }
}
