import AsyncHTTPClient
import Foundation
import KubeModel
import NIOHTTP1

/// Charts in an OCI registry, as Helm stores them (`helm push`): pulled with the OCI distribution API
/// by tag or by digest, with the registry's authentication (a bearer token from its token service, or
/// basic), the chart layer checked against its digest and kept in a ``ChartDownloadCache`` — pulling
/// by digest needs no network at all once cached.
public struct OCIChartRegistry: Sendable {
    /// Credentials, TLS trust, plain HTTP.
    public let options: RepositoryOptions
    /// Where manifests and chart layers are kept between pulls, if anywhere.
    public let cache: ChartDownloadCache?

    static let manifestMediaType = "application/vnd.oci.image.manifest.v1+json"
    static let chartLayerMediaType = "application/vnd.cncf.helm.chart.content.v1.tar+gzip"
    /// The most a manifest or token response may be.
    static let maxDocumentBytes = 4 * 1024 * 1024

    /// Creates a registry client.
    public init(options: RepositoryOptions = RepositoryOptions(), cache: ChartDownloadCache? = nil) {
        self.options = options
        self.cache = cache
    }

    /// Pulls the chart `reference` names.
    public func pull(_ reference: OCIReference) async throws(HelmError) -> ChartDownload {
        let http = RepositoryHTTPClient(options: options)
        let base = (options.plainHTTP ? "http://" : "https://") + reference.registry + "/v2/" + reference.repository
        return try await http.withClient { client throws(HelmError) in
            var session = Session(http: http, client: client)
            let manifest: [UInt8]
            if let digest = reference.digest, let cached = await cache?.data(forDigest: digest) {
                manifest = cached
            } else {
                manifest = try await session.get(base + "/manifests/" + reference.manifestReference, accept: Self.manifestMediaType, limit: Self.maxDocumentBytes)
                if let digest = reference.digest, ChartDownloadCache.digest(of: manifest) != digest {
                    throw HelmError("\(base)/manifests/\(digest): the manifest's digest is \(ChartDownloadCache.digest(of: manifest))")
                }
                if let cache { try await cache.store(manifest) }
            }
            let (layer, version) = try Self.chartLayer(in: manifest, reference: reference)
            let name = String(reference.repository.split(separator: "/").last ?? "")
            if let cached = await cache?.data(forDigest: layer) {
                return ChartDownload(name: name, version: version, digest: layer, archive: cached, fromCache: true)
            }
            let archive = try await session.get(base + "/blobs/" + layer, accept: "*/*", limit: ChartArchive.maxDecompressedBytes)
            guard ChartDownloadCache.digest(of: archive) == layer else {
                throw HelmError("\(base)/blobs/\(layer): the chart layer's digest is \(ChartDownloadCache.digest(of: archive))")
            }
            if let cache { try await cache.store(archive) }
            return ChartDownload(name: name, version: version, digest: layer, archive: archive, fromCache: false)
        }
    }

    /// The digest of the manifest's chart layer, and the chart version its annotations give.
    private static func chartLayer(in manifest: [UInt8], reference: OCIReference) throws(HelmError) -> (digest: String, version: String) {
        let document: JSONValue
        do {
            document = try JSONParser.parse(String(decoding: manifest, as: UTF8.self))
        } catch {
            throw HelmError("the manifest of \(reference.repository) is not JSON: \(error)")
        }
        let layers = document.objectValue?["layers"]?.arrayValue ?? []
        guard let layer = layers.first(where: { $0.objectValue?["mediaType"]?.stringValue == chartLayerMediaType }),
            let digest = layer.objectValue?["digest"]?.stringValue
        else {
            throw HelmError("\(reference.registry)/\(reference.repository) is not a Helm chart: its manifest has no layer of type \(chartLayerMediaType)")
        }
        let version = document.objectValue?["annotations"]?.objectValue?["org.opencontainers.image.version"]?.stringValue ?? reference.tag ?? ""
        return (digest, version)
    }

    /// Requests with the registry's authentication: anonymous first, then as the `WWW-Authenticate`
    /// challenge asks, reusing the credentials it led to.
    private struct Session {
        let http: RepositoryHTTPClient
        let client: HTTPClient
        var authorization: [(String, String)] = []

        init(http: RepositoryHTTPClient, client: HTTPClient) {
            self.http = http
            self.client = client
        }

        mutating func get(_ url: String, accept: String, limit: Int) async throws(HelmError) -> [UInt8] {
            var response = try await http.get(url, headers: authorization + [("Accept", accept)], limit: limit, client: client)
            if response.status == .unauthorized, let challenge = response.headers.first(name: "WWW-Authenticate") {
                authorization = try await authenticate(challenge, for: url)
                response = try await http.get(url, headers: authorization + [("Accept", accept)], limit: limit, client: client)
            }
            guard response.status == .ok else {
                throw HelmError("failed to fetch \(url) : \(response.status.code) \(response.status.reasonPhrase)")
            }
            return response.body
        }

        /// The header answering a challenge: basic credentials, or a bearer token from the token service
        /// the challenge names (itself asked with basic credentials when there are any).
        private func authenticate(_ challenge: String, for url: String) async throws(HelmError) -> [(String, String)] {
            let parameters = Self.parameters(of: challenge)
            if challenge.lowercased().hasPrefix("basic") {
                guard !http.basicAuthorization.isEmpty else { throw HelmError("\(url) needs credentials: pass a user name and password") }
                return http.basicAuthorization
            }
            guard challenge.lowercased().hasPrefix("bearer"), let realm = parameters["realm"], var components = URLComponents(string: realm) else {
                throw HelmError("\(url): unsupported authentication challenge \(challenge)")
            }
            components.queryItems = (components.queryItems ?? []) + ["service", "scope"].compactMap { key in parameters[key].map { URLQueryItem(name: key, value: $0) } }
            guard let tokenURL = components.string else { throw HelmError("\(url): invalid token service \(realm)") }
            let response = try await http.get(tokenURL, headers: http.basicAuthorization, limit: OCIChartRegistry.maxDocumentBytes, client: client)
            guard response.status == .ok else {
                throw HelmError("the registry's token service refused access to \(url): \(tokenURL) answered \(response.status.code) \(response.status.reasonPhrase)")
            }
            let document = try? JSONParser.parse(String(decoding: response.body, as: UTF8.self))
            guard let token = document?.objectValue?["token"]?.stringValue ?? document?.objectValue?["access_token"]?.stringValue else {
                throw HelmError("the registry's token service \(realm) returned no token")
            }
            return [("Authorization", "Bearer " + token)]
        }

        /// The `key="value"` pairs of a challenge.
        private static func parameters(of challenge: String) -> [String: String] {
            var result: [String: String] = [:]
            for match in challenge.matches(of: #/(\w+)="([^"]*)"/#) { result[String(match.output.1)] = String(match.output.2) }
            return result
        }
    }
}
