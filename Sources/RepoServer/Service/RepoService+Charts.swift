import Foundation
import Helm

extension RepoService {
    /// Fetches the Helm chart repository's `index.yaml` with `credentials` (default: the stored
    /// ones) — how a Helm repository's connection is checked before it is saved and when listed.
    /// - Throws: ``SourceError`` saying why the index cannot be read (never the credentials).
    public func checkChartRepository(url: String, credentials given: RepositoryCredentials? = nil) async throws(SourceError) {
        let options = Self.chartOptions(given ?? credentials.credentials(for: url))
        do throws(HelmError) {
            _ = try await HTTPChartRepository(url: url, options: options).index()
        } catch {
            throw SourceError("chart repository \(GitRepositoryCache.redacted(url)): \(error.description)")
        }
    }

    /// The chart a chart-repository source names, at the newest version its `targetRevision` allows,
    /// pulled once per expiry period for all requests and extracted once per digest.
    func pullChart(_ source: ApplicationSource) async throws(SourceError) -> ChartSource {
        let url = source.repoURL
        let chart = source.chart ?? ""
        let version = source.revision
        let repository = credentials.credentials(for: url)
        let options = Self.chartOptions(repository)
        let downloads = chartDownloads
        let extracted = configuration.cacheDirectory.appendingPathComponent("charts-extracted")
        let tools = self.tools
        return try await chartPulls.value("\(url)\n\(chart)\n\(version)") { () throws(SourceError) -> ChartSource in
            let download: ChartDownload
            do throws(HelmError) {
                if url.hasPrefix("oci://") || repository.enableOCI {
                    let base = url.hasPrefix("oci://") ? url : "oci://" + url
                    let reference = try OCIReference(base.hasSuffix("/") ? base + chart : base + "/" + chart, version: version.isEmpty ? nil : version)
                    download = try await OCIChartRegistry(options: options, cache: downloads).pull(reference)
                } else {
                    download = try await HTTPChartRepository(url: url, options: options, cache: downloads).pull(chart: chart, version: version)
                }
                // Loading checks the archive (gzip, sizes, paths) before anything is written to disk.
                _ = try download.load()
            } catch {
                throw SourceError("chart \(chart) \(version) from \(GitRepositoryCache.redacted(url)): \(error.description)")
            }
            let target = extracted.appendingPathComponent(download.digest.replacingOccurrences(of: "sha256:", with: ""))
            if !FileManager.default.fileExists(atPath: target.path) {
                let staging = extracted.appendingPathComponent(".staging-\(UUID().uuidString)")
                defer { try? FileManager.default.removeItem(at: staging) }
                do {
                    try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
                    try Data(download.archive).write(to: staging.appendingPathComponent(".chart.tgz"))
                } catch {
                    throw SourceError("cannot store chart \(chart): \(error.localizedDescription)")
                }
                _ = try await tools.run("tar", ["-xzf", ".chart.tgz", "--no-same-owner", "--no-same-permissions"], in: staging)
                try? FileManager.default.removeItem(at: staging.appendingPathComponent(".chart.tgz"))
                try? FileManager.default.moveItem(at: staging, to: target)
            }
            let top = (try? FileManager.default.contentsOfDirectory(atPath: target.path))?.first { !$0.hasPrefix(".") } ?? chart
            return ChartSource(directory: target, chartPath: top, revision: "\(download.version)@\(download.digest)")
        }
    }

    private static func chartOptions(_ repository: RepositoryCredentials) -> RepositoryOptions {
        RepositoryOptions(username: repository.username, password: repository.password, insecureSkipTLSVerify: repository.insecure)
    }
}
