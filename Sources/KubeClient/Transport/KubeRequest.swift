/// One HTTP request to the API server, with what the metrics and errors need to name it.
struct KubeRequest: Sendable {
    /// `GET`, `POST`, `PUT`, `PATCH` or `DELETE`.
    var method: String
    /// The path below the server URL, such as `/api/v1/namespaces/default/configmaps`.
    var path: String
    /// Query parameters, in order; values are percent-encoded when sent.
    var query: [(String, String)] = []
    /// The body, for writes.
    var body: [UInt8]?
    /// The body's content type.
    var contentType: String?
    /// The `Accept` header.
    var accept: String = "application/json"
    /// The API verb, for metrics.
    var verb: String
    /// The resource (with `/subresource`), for metrics.
    var resource: String
    /// Overrides the client's request timeout (watches run longer).
    var timeout: Duration?

    /// `GET /path`, as errors name the request.
    var summary: String { "\(method) \(path)" }

    /// The path with the encoded query.
    var target: String {
        guard !query.isEmpty else { return path }
        return path + "?" + query.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
    }

    private static func encode(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                output += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return output
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
