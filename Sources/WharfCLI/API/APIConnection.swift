import AsyncHTTPClient
import Foundation
import KubeModel
import NIOCore
import NIOHTTP1
import NIOSSL

/// Calls Wharf's API server (or Argo CD's: the paths and shapes are upstream's) with a bearer
/// token, turning error answers into the server's message.
final class APIConnection: Sendable {
    let baseURL: String
    private let token: String?
    private let client: HTTPClient
    /// Every call's limit: a server that hangs must not hang the CLI.
    static let requestTimeout: TimeAmount = .seconds(60)

    init(baseURL: String, token: String?, insecure: Bool) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.token = token
        var tls = TLSConfiguration.makeClientConfiguration()
        if insecure { tls.certificateVerification = .none }
        var configuration = HTTPClient.Configuration(tlsConfiguration: tls)
        configuration.timeout = HTTPClient.Configuration.Timeout(connect: .seconds(10), read: Self.requestTimeout)
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    func shutdown() async {
        try? await client.shutdown()
    }

    /// Runs `body` with this connection and shuts it down afterwards, whatever happens.
    func closing<T: Sendable>(_ body: @Sendable (APIConnection) async throws -> T) async throws -> T {
        do {
            let result = try await body(self)
            await shutdown()
            return result
        } catch {
            await shutdown()
            throw error
        }
    }

    /// The JSON answer of `method path?query` with `body`; a `CommandFailure` with the server's message otherwise.
    /// The methods the API uses (kept here so that commands need not import NIO).
    enum Method: String {
        case GET, POST, PUT, PATCH, DELETE
    }

    func call(_ method: Method, _ path: String, query: [(String, String)] = [], body: JSONValue? = nil) async throws -> JSONValue {
        var components = URLComponents()
        components.queryItems = query.isEmpty ? nil : query.map { URLQueryItem(name: $0.0, value: $0.1) }
        let url = (path.hasPrefix("http://") || path.hasPrefix("https://") ? path : baseURL + path) + (components.percentEncodedQuery.map { "?\($0)" } ?? "")
        var request = HTTPClientRequest(url: url)
        request.method = HTTPMethod(rawValue: method.rawValue)
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: JSONWriter.string(body)))
        }
        let response: HTTPClientResponse
        let bytes: ByteBuffer
        do {
            response = try await client.execute(request, timeout: Self.requestTimeout)
            bytes = try await response.body.collect(upTo: 256 << 20)
        } catch {
            throw CommandFailure("cannot reach the Wharf server at \(baseURL): \(error); is it running (wharf up), and is --insecure needed for its self-signed certificate?")
        }
        let value = (try? JSONParser.parse(bytes: Array(buffer: bytes))) ?? .null
        guard (200..<300).contains(Int(response.status.code)) else {
            let message = value["message"]?.stringValue ?? value["error"]?.stringValue ?? String(buffer: bytes)
            throw CommandFailure(response.status.code == 401 && message.isEmpty ? "not logged in: run wharf login SERVER" : message)
        }
        return value
    }

    /// Posts a form to another URL (an OIDC provider's token endpoint) and returns its JSON answer.
    func postForm(_ url: String, _ form: String) async throws -> JSONValue {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Accept", value: "application/json")
        request.body = .bytes(ByteBuffer(string: form))
        do {
            let response = try await client.execute(request, timeout: Self.requestTimeout)
            let body = try await response.body.collect(upTo: 4 << 20)
            guard response.status == .ok, let value = try? JSONParser.parse(bytes: Array(buffer: body)) else {
                throw CommandFailure("\(url) refused the request: HTTP \(response.status.code) \(String(buffer: body).prefix(200))")
            }
            return value
        } catch let error as CommandFailure {
            throw error
        } catch {
            throw CommandFailure("cannot reach \(url): \(error)")
        }
    }

    /// `/api/v1/applications/NAME` with the name escaped.
    static func path(_ prefix: String, _ name: String) -> String {
        prefix + "/" + (name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? name)
    }
}
