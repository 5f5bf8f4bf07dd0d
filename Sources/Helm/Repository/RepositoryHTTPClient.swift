import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// HTTP GETs for repositories and registries, with the options' TLS trust, and bounded response
/// bodies so that a hostile server cannot exhaust memory.
struct RepositoryHTTPClient {
    /// A response's status, headers and body.
    struct Response {
        let status: HTTPResponseStatus
        let headers: HTTPHeaders
        let body: [UInt8]
    }

    let options: RepositoryOptions

    /// Runs `work` with a client configured for the options, shutting it down afterwards.
    func withClient<Result>(_ work: (HTTPClient) async throws(HelmError) -> Result) async throws(HelmError) -> Result {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let pem = options.caCertificatesPEM {
            do {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(pem.utf8)))
            } catch {
                throw HelmError("cannot read the CA certificates: \(error)")
            }
        }
        if options.insecureSkipTLSVerify { tls.certificateVerification = .none }
        var configuration = HTTPClient.Configuration(tlsConfiguration: tls)
        configuration.redirectConfiguration = .follow(max: 5, allowCycles: false)
        // A refused certificate or connection is reported at once rather than retried until the timeout.
        configuration.connectionPool.retryConnectionEstablishment = false
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let result: Swift.Result<Result, HelmError>
        do {
            result = .success(try await work(client))
        } catch {
            result = .failure(error)
        }
        try? await client.shutdown()
        return try result.get()
    }

    /// GETs `url`; the body is read up to `limit` bytes.
    func get(_ url: String, headers: [(String, String)], limit: Int, client: HTTPClient) async throws(HelmError) -> Response {
        var request = HTTPClientRequest(url: url)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        do {
            let response = try await client.execute(request, timeout: .seconds(options.timeoutSeconds))
            let body = try await response.body.collect(upTo: limit)
            return Response(status: response.status, headers: response.headers, body: Array(body.readableBytesView))
        } catch is NIOTooManyBytesError {
            throw HelmError("\(url): the response is larger than \(limit) bytes")
        } catch NIOSSLError.handshakeFailed(let reason) {
            throw HelmError("cannot reach \(url): TLS handshake failed (\(reason)); if a private CA signed the server's certificate, pass that CA's certificate")
        } catch {
            throw HelmError("cannot reach \(url): \(error)")
        }
    }

    /// The `Authorization` header for basic authentication, when the options have credentials.
    var basicAuthorization: [(String, String)] {
        guard let username = options.username else { return [] }
        let token = Data("\(username):\(options.password ?? "")".utf8).base64EncodedString()
        return [("Authorization", "Basic " + token)]
    }
}
