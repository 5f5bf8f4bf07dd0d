public import KubeModel

/// What the API answers, independent of the HTTP server that sends it.
public enum APIResponse: Sendable {
    /// A JSON document with a status code.
    case json(status: Int, JSONValue, warnings: [String] = [])
    /// Pre-serialized JSON bytes (lists are assembled from stored bytes without re-encoding).
    case bytes(status: Int, contentType: String, [UInt8])
    /// A watch: newline-terminated JSON events, ending when the stream ends or times out.
    case watch(WatchResponse)

    /// The response for an error.
    public static func error(_ error: APIError) -> APIResponse {
        .json(status: error.code, error.status)
    }
}
