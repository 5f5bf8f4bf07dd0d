import AsyncHTTPClient
import Foundation
import NIOHTTP1

/// A classic chart repository served over HTTP(S): `index.yaml` at its root listing every chart
/// version, archives downloaded from the URLs it gives, basic authentication and private CAs as in
/// the options, and archives kept in a ``ChartDownloadCache`` by digest.
public struct HTTPChartRepository: Sendable {
    /// The repository's URL, e.g. `https://charts.example.com/stable`.
    public let url: String
    /// Credentials and TLS trust.
    public let options: RepositoryOptions
    /// Where archives are kept between pulls, if anywhere.
    public let cache: ChartDownloadCache?

    /// The most an `index.yaml` may be; large public repositories have indexes of tens of megabytes.
    public static let maxIndexBytes = 128 * 1024 * 1024

    /// Creates a repository client.
    public init(url: String, options: RepositoryOptions = RepositoryOptions(), cache: ChartDownloadCache? = nil) {
        self.url = url.hasSuffix("/") ? String(url.dropLast()) : url
        self.options = options
        self.cache = cache
    }

    /// Downloads and parses `index.yaml`.
    public func index() async throws(HelmError) -> ChartRepositoryIndex {
        let http = RepositoryHTTPClient(options: options)
        return try await http.withClient { client throws(HelmError) in try await index(http, client) }
    }

    private func index(_ http: RepositoryHTTPClient, _ client: HTTPClient) async throws(HelmError) -> ChartRepositoryIndex {
        let location = url + "/index.yaml"
        let response = try await http.get(location, headers: http.basicAuthorization, limit: Self.maxIndexBytes, client: client)
        guard response.status.code == 200 else {
            throw HelmError("looks like \(url) is not a valid chart repository or cannot be reached: failed to fetch \(location) : \(response.status.code) \(response.status.reasonPhrase)")
        }
        return try ChartRepositoryIndex(yaml: String(decoding: response.body, as: UTF8.self), source: location)
    }

    /// Fetches a chart: the version Helm would pick for `version` (exact, a constraint such as `^1.2`,
    /// or empty for the newest stable), from the cache when its digest is there, else downloaded,
    /// checked against the index's digest and cached.
    public func pull(chart name: String, version: String = "") async throws(HelmError) -> ChartDownload {
        let http = RepositoryHTTPClient(options: options)
        return try await http.withClient { client throws(HelmError) in
            let entry = try await index(http, client).entry(named: name, version: version)
            if let hex = entry.digest, let cache, let cached = await cache.data(forDigest: "sha256:" + hex) {
                return ChartDownload(name: name, version: entry.version, digest: "sha256:" + hex, archive: cached, fromCache: true)
            }
            guard let first = entry.urls.first, let location = resolve(first) else {
                throw HelmError("chart \(name) version \(entry.version) has no download URL in \(url)/index.yaml")
            }
            // Credentials go only to the repository's own host, as Helm does unless told otherwise.
            let sameHost = URL(string: location)?.host == URL(string: url)?.host
            let response = try await http.get(location, headers: sameHost ? http.basicAuthorization : [], limit: ChartArchive.maxDecompressedBytes, client: client)
            guard response.status.code == 200 else {
                throw HelmError("failed to fetch \(location) : \(response.status.code) \(response.status.reasonPhrase)")
            }
            let digest = ChartDownloadCache.digest(of: response.body)
            if let hex = entry.digest, digest != "sha256:" + hex {
                throw HelmError("\(location): the archive's digest \(digest) does not match sha256:\(hex) in the repository index")
            }
            if let cache { try await cache.store(response.body) }
            return ChartDownload(name: name, version: entry.version, digest: digest, archive: response.body, fromCache: false)
        }
    }

    /// A chart URL from the index, resolved against the repository's URL when relative.
    private func resolve(_ reference: String) -> String? {
        guard let base = URL(string: url + "/") else { return nil }
        return URL(string: reference, relativeTo: base)?.absoluteString
    }
}
