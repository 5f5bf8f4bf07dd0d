public import HTTPTypes
public import KubeModel

/// One call as a route handler sees it: who calls, the path's parameters, the query and the body.
public struct APIRequest: Sendable {
    /// The HTTP method.
    public var method: HTTPRequest.Method
    /// The path, percent-decoded.
    public var path: String
    /// The request headers.
    public var headers: HTTPFields
    /// The host (and port) the client addressed.
    public var authority: String?
    /// The path template's parameters (`{name}` → value).
    public var parameters: [String: String]
    /// The query's values; a name given several times keeps them all, in order.
    public var query: [String: [String]]
    /// The raw body.
    public var body: [UInt8]
    /// The authenticated caller, or nil for an anonymous one.
    public var caller: Caller?

    /// The path parameter `name` (routes declare theirs, so it is always there).
    public func parameter(_ name: String) -> String { parameters[name] ?? "" }

    /// The first value of query parameter `name`.
    public func queryValue(_ name: String) -> String? { query[name]?.first }

    /// Every value of query parameter `name`, commas splitting single values as grpc-gateway accepts.
    public func queryValues(_ name: String) -> [String] {
        (query[name] ?? []).flatMap { $0.split(separator: ",").map(String.init) }.filter { !$0.isEmpty }
    }

    /// A boolean query parameter (`true`/`false`), `defaultValue` when absent.
    public func queryFlag(_ name: String, default defaultValue: Bool = false) -> Bool {
        guard let value = queryValue(name) else { return defaultValue }
        return value == "true" || value == "1"
    }

    /// The body as a JSON value; an empty body is an empty object.
    public func jsonBody() throws(APIError) -> JSONValue {
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return .emptyObject }
        do {
            let value = try JSONParser.parse(bytes: body)
            guard value.objectValue != nil else { throw APIError.invalid("the request body must be a JSON object") }
            return value
        } catch let error as APIError {
            throw error
        } catch {
            throw APIError.invalid("the request body is not valid JSON: \(error)")
        }
    }

    /// The caller, or 401 when there is none.
    public func requireCaller() throws(APIError) -> Caller {
        guard let caller else { throw APIError.unauthenticated() }
        return caller
    }
}
